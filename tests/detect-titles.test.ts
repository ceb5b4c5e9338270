import { describe, expect, it } from 'vitest';
import { makeDoc } from '../pipeline/stages/detect/doc.js';
import { titleFindings } from '../pipeline/stages/detect/titles.js';

const found = (text: string): Array<[string, string]> =>
  titleFindings(makeDoc(text)).map((f) => [f.signal, text.slice(f.start, f.end)]);

describe('title signals', () => {
  it('title-lowercase: a lower-case WordNet expression inside a capitalized name', () => {
    expect(found('Our Task Force on Common soldier Sector Initiatives met.')).toEqual([['title-lowercase', 'Common soldier']]);
    expect(found('The visiting Head of state Maria Lopez spoke.')).toEqual([['title-lowercase', 'Head of state']]);
  });

  it('title-lowercase: not when the name does not go on', () => {
    expect(found('We must save the Social Security system now.')).toEqual([]);
    expect(found('At home I am encouraged.')).toEqual([]);
    expect(found('Head of state visits are rare.')).toEqual([]);
  });

  it('lowercased-name: a name WordNet and the frequency text only know capitalized', () => {
    expect(found('Trade with the united states grew.')).toEqual([['lowercased-name', 'united states']]);
    expect(found('Trade with the United States grew.')).toEqual([]);
    expect(found('They built a new world of ideas.')).toEqual([]);
  });

  it('title-synonym: a synonym swap that turns a known name into an unknown one', () => {
    expect(found('The State Section spokesperson said so.')).toEqual([['title-synonym', 'Section']]);
    expect(found('The Federal Authorities acted.')).toEqual([['title-synonym', 'Authorities']]);
    expect(found('The State Department spokesperson said so.')).toEqual([]);
    expect(found('The Federal Government acted.')).toEqual([]);
    expect(found('Maria Lopez met John Smith in New York.')).toEqual([]);
  });
});
