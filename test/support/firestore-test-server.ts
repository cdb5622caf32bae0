import { FirestoreServer } from "@firestore-emulator/server";
import { ServerCredentials, type Server } from "@grpc/grpc-js";

export interface FirestoreTestServer {
  /** FIRESTORE_EMULATOR_HOST for the client: 127.0.0.1:<port>. */
  readonly host: string;
  stop(): void;
}

/**
 * `@firestore-emulator/server` on loopback. Its own start() binds every interface, so its gRPC
 * server (the field the package keeps private) is bound here to 127.0.0.1 on a free port.
 */
export async function startFirestoreTestServer(): Promise<FirestoreTestServer> {
  const emulator = new FirestoreServer();
  const grpc = (emulator as unknown as { readonly server: Server }).server;
  const port = await new Promise<number>((resolve, reject) =>
    grpc.bindAsync("127.0.0.1:0", ServerCredentials.createInsecure(), (err, bound) => (err ? reject(err) : resolve(bound))),
  );
  return { host: `127.0.0.1:${port}`, stop: () => emulator.stop() };
}
