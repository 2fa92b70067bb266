// Offline postcode → coordinate lookup for job matching (distance participant ↔ workplace).
// Data: server/assets/geo/plz-coordinates.csv (WZB plz_geocoord, Apache-2.0; see its README.md).
import { readFileSync } from 'node:fs';

export type Coordinates = { lat: number; lng: number };

const CSV_URL = new URL('../../assets/geo/plz-coordinates.csv', import.meta.url);
const EARTH_RADIUS_KM = 6371.0088; // mean Earth radius (IUGG)

// Loaded on first use, not at import: most requests never need it (~8,200 rows, ~170 KB).
let table: Map<string, Coordinates> | undefined;

function load(): Map<string, Coordinates> {
  const map = new Map<string, Coordinates>();
  for (const line of readFileSync(CSV_URL, 'utf8').split('\n').slice(1)) {
    const [postcode, lat, lng] = line.split(',');
    if (postcode && lat && lng) map.set(postcode, { lat: Number(lat), lng: Number(lng) });
  }
  return map;
}

/** Centre of a German postcode area, or null when the input is not a known five-digit postcode. */
export function coordinatesOf(postcode: string | null | undefined): Coordinates | null {
  const code = postcode?.trim() ?? '';
  if (!/^\d{5}$/.test(code)) return null;
  table ??= load();
  return table.get(code) ?? null;
}

const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle (haversine) distance in km, rounded to 0.1 km: straight line, not travel distance. */
export function distanceKm(a: Coordinates, b: Coordinates): number {
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2;
  const km = 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
  return Math.round(km * 10) / 10;
}

/** Distance between two postcodes in km; null when either is unknown (never a guessed distance). */
export function postcodeDistanceKm(from: string | null | undefined, to: string | null | undefined): number | null {
  const a = coordinatesOf(from);
  const b = coordinatesOf(to);
  return a && b ? distanceKm(a, b) : null;
}
