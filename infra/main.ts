// Entry point of `cdktf synth` / `cdktf deploy` (cdktf.json "app"): the real catalog and
// configs/environments/{dev,prod}.yaml, written where the cdktf CLI asks (CDKTF_OUTDIR).
import { buildApp } from "./app";

buildApp().synth();
