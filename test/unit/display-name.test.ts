import { describe, expect, it } from 'vitest';
import { nameInitials, visibleName } from '../../src/shared/display-name';

describe('names as they may be shown', () => {
  it('a zero-width space cannot make a look-alike of a real name', () => {
    expect(visibleName('Ma\u200Bria Silva')).toBe('Maria Silva');
    expect(visibleName('Maria\u2060 Silva\uFEFF')).toBe('Maria Silva');
    expect(visibleName('Ma\u00ADria')).toBe('Maria');
  });

  it('bidi overrides, embeddings and isolates cannot reverse what is shown', () => {
    // "evil\u202Eexe.txt" would display as "eviltxt.exe".
    expect(visibleName('evil\u202Eexe.txt')).toBe('evilexe.txt');
    expect(visibleName('\u2066Bob\u2069 \u202AAna\u202C \u200FRui\u200E')).toBe('Bob Ana Rui');
    expect(visibleName('\u061Cعلي')).toBe('علي');
  });

  it('keeps emoji sequences whole: joiners between emoji, tags of a subdivision flag', () => {
    expect(visibleName('👩‍💻 Ana')).toBe('👩‍💻 Ana');
    expect(visibleName('👨‍👩‍👧 Família')).toBe('👨‍👩‍👧 Família');
    expect(visibleName('👍🏽\u200D')).toBe('👍🏽');
    const scotland = '🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}';
    expect(visibleName(`${scotland} Loja`)).toBe(`${scotland} Loja`);
    // …but not a joiner between letters, nor tags outside a flag.
    expect(visibleName('a\u200Db')).toBe('ab');
    expect(visibleName('x\u{E0067}y')).toBe('xy');
  });

  it('blank-looking letters and controls leave nothing behind; whitespace becomes one space', () => {
    expect(visibleName('\u3164\u3164')).toBe('');
    expect(visibleName('\u115F\u2800')).toBe('');
    expect(visibleName('  João\n\tSilva\u3000 ')).toBe('João Silva');
    expect(visibleName('Ana\u0000Paula')).toBe('Ana Paula');
  });

  it('leaves ordinary names in any script alone', () => {
    for (const name of ['José da Silva', 'Zoë', 'محمد علي', 'שרה לוי', '李小龍', 'Nguyễn Văn A', '✨ Star Shop']) {
      expect(visibleName(name)).toBe(name);
    }
  });

  it('initials come from the first visible letter or digit of the first two words', () => {
    expect(nameInitials('Maria Silva')).toBe('MS');
    expect(nameInitials('\u200B\u202Emaria')).toBe('M');
    expect(nameInitials('(Ana) [Souza]')).toBe('AS');
    expect(nameInitials('👩‍💻 Ana Paula Reis')).toBe('AP');
    expect(nameInitials('1st Shop')).toBe('1S');
    expect(nameInitials('\u3164')).toBe('#');
    expect(nameInitials('+55 11 98765-4321')).toBe('#');
  });
});
