import { expect } from 'chai';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkAgainstDtd } from './dtd-check.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dtdPath = path.resolve(repoRoot, '..', 'shared', 'formats', 'tmx14.dtd');

// A stand-in with the same constructs, so the fallback validator is tested even without shared/.
const MINI_DTD = `
<!ENTITY % segtypes "block|paragraph|sentence|phrase" >
<!ELEMENT tmx (header, body) >
<!ATTLIST tmx version CDATA #FIXED "1.4" >
<!ELEMENT header (note|prop)* >
<!ATTLIST header srclang CDATA #REQUIRED segtype (%segtypes;) #REQUIRED >
<!ELEMENT body (tu*) >
<!ELEMENT tu ((note|prop)*, tuv+) >
<!ATTLIST tu tuid CDATA #IMPLIED >
<!ELEMENT tuv ((note|prop)*, seg) >
<!ATTLIST tuv xml:lang CDATA #REQUIRED >
<!ELEMENT seg (#PCDATA|ph)* >
<!ELEMENT ph (#PCDATA) >
<!ELEMENT note (#PCDATA) >
<!ELEMENT prop (#PCDATA) >
<!ATTLIST prop type CDATA #REQUIRED >`;

const dtd = existsSync(dtdPath) ? readFileSync(dtdPath, 'utf8') : MINI_DTD;
const header = existsSync(dtdPath)
  ? '<header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="en" datatype="plaintext"/>'
  : '<header segtype="sentence" srclang="en"/>';
const doc = (body: string, head = header): string => `<?xml version="1.0"?><tmx version="1.4">${head}<body>${body}</body></tmx>`;
const TU = '<tu tuid="1"><prop type="x">1</prop><tuv xml:lang="en"><seg>a</seg></tuv><tuv xml:lang="ko"><seg>가</seg></tuv></tu>';

describe('test helper dtd-check', () => {
  it('accepts a valid document', () => {
    expect(checkAgainstDtd(doc(TU), dtd, 'tmx')).to.deep.equal([]);
  });

  it('reports content-model, attribute and enumeration errors', () => {
    expect(checkAgainstDtd(doc('<tu tuid="1"></tu>'), dtd, 'tmx')).to.deep.equal(['<tu>: children () do not match the content model']);
    expect(checkAgainstDtd(doc('<tu><tuv><seg>a</seg></tuv></tu>'), dtd, 'tmx')).to.deep.equal([
      'line 1: <tuv>: required attribute xml:lang missing',
    ]);
    expect(checkAgainstDtd(doc(TU, header.replace('sentence', 'chapter')), dtd, 'tmx')[0]).to.match(/segtype="chapter" not in \(block\|paragraph\|sentence\|phrase\)/);
    expect(checkAgainstDtd(doc('<tu><tuv xml:lang="en"><seg>a</seg><note>late</note></tuv></tu>'), dtd, 'tmx')).to.deep.equal([
      '<tuv>: children (seg, note) do not match the content model',
    ]);
    expect(checkAgainstDtd(doc(TU).replace('version="1.4"', 'version="1.3"'), dtd, 'tmx')).to.deep.equal(['line 1: <tmx>: version must be "1.4"']);
  });
});
