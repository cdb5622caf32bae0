/** Home arena coordinates (degrees) per tricode, for travel distances. */
const ARENAS: Readonly<Record<string, readonly [number, number]>> = {
  ATL: [33.7573, -84.3963], BOS: [42.3662, -71.0621], BKN: [40.6826, -73.9754], CHA: [35.2251, -80.8392], CHI: [41.8807, -87.6742],
  CLE: [41.4965, -81.6882], DAL: [32.7905, -96.8103], DEN: [39.7487, -105.0077], DET: [42.3411, -83.0553], GSW: [37.768, -122.3877],
  HOU: [29.7508, -95.3621], IND: [39.764, -86.1555], LAC: [33.9447, -118.3414], LAL: [34.043, -118.2673], MEM: [35.1382, -90.0506],
  MIA: [25.7814, -80.187], MIL: [43.0451, -87.9172], MIN: [44.9795, -93.2761], NOP: [29.949, -90.0821], NYK: [40.7505, -73.9934],
  OKC: [35.4634, -97.5151], ORL: [28.5392, -81.3839], PHI: [39.9012, -75.172], PHX: [33.4457, -112.0712], POR: [45.5316, -122.6668],
  SAC: [38.5802, -121.4997], SAS: [29.427, -98.4375], TOR: [43.6435, -79.3791], UTA: [40.7683, -111.9011], WAS: [38.8981, -77.0209],
};

const EARTH_RADIUS_MILES = 3958.8;

/** Great-circle miles between two teams' home arenas (0 for the same arena); null for an unknown code. */
export function milesBetweenArenas(from: string, to: string): number | null {
  const a = ARENAS[from];
  const b = ARENAS[to];
  if (!a || !b) return null;
  const rad = (d: number): number => (d * Math.PI) / 180;
  const dLat = rad(b[0] - a[0]);
  const dLon = rad(b[1] - a[1]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[0])) * Math.cos(rad(b[0])) * Math.sin(dLon / 2) ** 2;
  return Math.round(2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h)));
}
