import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coordinatesOf, distanceKm, postcodeDistanceKm } from './postcodes.ts';

const near = (actual: number | undefined, expected: number, tolerance = 0.05) =>
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

test('known postcodes resolve to the centre of their area', () => {
  const wuppertal = coordinatesOf('42103');
  near(wuppertal?.lat, 51.26);
  near(wuppertal?.lng, 7.15);
  const paderborn = coordinatesOf('33098');
  near(paderborn?.lat, 51.71);
  near(paderborn?.lng, 8.75);
  const berlin = coordinatesOf('10115');
  near(berlin?.lat, 52.53);
  near(berlin?.lng, 13.38);
  assert.deepEqual(coordinatesOf(' 42651 '), coordinatesOf('42651'), 'surrounding spaces are ignored');
  assert.ok(coordinatesOf('01067'), 'a leading zero is kept');
  assert.ok(coordinatesOf('99998'), 'the last row is read');
});

test('distances between postcodes are plausible great-circle distances', () => {
  const wuppertalSolingen = postcodeDistanceKm('42103', '42651');
  assert.ok(wuppertalSolingen !== null && wuppertalSolingen >= 10 && wuppertalSolingen <= 20, `${wuppertalSolingen}`);
  const wuppertalPaderborn = postcodeDistanceKm('42103', '33098');
  assert.ok(wuppertalPaderborn !== null && wuppertalPaderborn >= 120 && wuppertalPaderborn <= 150, `${wuppertalPaderborn}`);
  const berlinMunich = postcodeDistanceKm('10115', '80331');
  assert.ok(berlinMunich !== null && berlinMunich >= 500 && berlinMunich <= 510, `${berlinMunich}`);
  assert.equal(postcodeDistanceKm('80331', '10115'), berlinMunich, 'symmetric');
  assert.equal(postcodeDistanceKm('42103', '42103'), 0);
});

test('distanceKm rounds to 0.1 km', () => {
  const km = distanceKm({ lat: 51, lng: 7 }, { lat: 51, lng: 7.1 });
  assert.equal(km, Math.round(km * 10) / 10);
  near(km, 7.0, 0.1);
});

test('invalid or unknown postcodes give null, not a distance', () => {
  for (const input of ['', '   ', '4210', '421030', 'abcde', '4210a', '00000', null, undefined]) {
    assert.equal(coordinatesOf(input), null, `coordinatesOf(${JSON.stringify(input)})`);
    assert.equal(postcodeDistanceKm(input, '42103'), null);
    assert.equal(postcodeDistanceKm('42103', input), null);
  }
});

test("the source's fallback 'centre of Germany' rows were removed, so those postcodes are unknown", () => {
  for (const fallback of ['03139', '65219', '99130']) {
    assert.equal(coordinatesOf(fallback), null, fallback);
    assert.equal(postcodeDistanceKm(fallback, '10115'), null);
  }
});
