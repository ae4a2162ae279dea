// Tests for server/core/segment.ts.
import { expect } from 'chai';
import { detectMarker, preSplitLines, splitParagraphs, splitSentences } from '../../server/core/segment.ts';

const render = (ps: { text: string; marker: string | null; level: number }[]) =>
  ps.map((p) => `${p.level}|${p.marker ?? ''}|${p.text}`);

describe('core/segment', () => {
  describe('#splitSentences (English)', () => {
    const cases: [string, string[]][] = [
      ['The two sides met. They agreed to meet again.', ['The two sides met.', 'They agreed to meet again.']],
      ['Secretary Lloyd J. Austin III met the Minister.', ['Secretary Lloyd J. Austin III met the Minister.']],
      ['U.S. Forces Korea hosted the event. It went well.', ['U.S. Forces Korea hosted the event.', 'It went well.']],
      ['He thanked the U.S. delegation.', ['He thanked the U.S. delegation.']],
      ['The talks were held in Washington, D.C. The ministers then left.', ['The talks were held in Washington, D.C.', 'The ministers then left.']],
      ['They met in Washington, D.C. on Monday.', ['They met in Washington, D.C. on Monday.']],
      ['The meeting took place on Sept. 18 in Seoul.', ['The meeting took place on Sept. 18 in Seoul.']],
      ['It was held in Jan. The next one is in June.', ['It was held in Jan.', 'The next one is in June.']],
      ['Dr. Kim and Mr. Smith spoke. Gen. Lee agreed.', ['Dr. Kim and Mr. Smith spoke.', 'Gen. Lee agreed.']],
      ['Lt. Gen. Park and Adm. Aquilino met Amb. Goldberg.', ['Lt. Gen. Park and Adm. Aquilino met Amb. Goldberg.']],
      ['See Resolution No. 2397 for details.', ['See Resolution No. 2397 for details.']],
      ['Growth was 1.5 percent. Exports rose.', ['Growth was 1.5 percent.', 'Exports rose.']],
      ['The U.N. Security Council met.', ['The U.N. Security Council met.']],
      ['He said, "We stand together." The Minister agreed.', ['He said, "We stand together."', 'The Minister agreed.']],
      ['Is the alliance strong? Yes! It is ironclad.', ['Is the alliance strong?', 'Yes!', 'It is ironclad.']],
      ['The budget rose by approx. two percent.', ['The budget rose by approx. two percent.']],
      ['', []],
    ];
    for (const [input, want] of cases) {
      it(JSON.stringify(input), () => expect(splitSentences(input, 'en')).to.deep.equal(want));
    }
  });

  describe('#splitSentences (Korean)', () => {
    const cases: [string, string[]][] = [
      ['양측은 회의를 개최하였다. 양측은 협력을 재확인하였다.', ['양측은 회의를 개최하였다.', '양측은 협력을 재확인하였다.']],
      ['장관은 감사를 표했습니다. 차관도 참석했습니다.', ['장관은 감사를 표했습니다.', '차관도 참석했습니다.']],
      ['회의는 9.18.(월) 서울에서 열렸다.', ['회의는 9.18.(월) 서울에서 열렸다.']],
      ['회의는 2023. 9. 18. 서울에서 개최되었다. 다음 회의는 내년이다.', ['회의는 2023. 9. 18. 서울에서 개최되었다.', '다음 회의는 내년이다.']],
      ['양측은 긴밀히 협력하기로 했습니다.(끝)', ['양측은 긴밀히 협력하기로 했습니다.(끝)']],
      ['행사가 성황리에 종료되었습니다. (사진 첨부)', ['행사가 성황리에 종료되었습니다. (사진 첨부)']],
      ['차기 회의는 워싱턴 D.C.에서 개최된다. 일정은 추후 결정한다.', ['차기 회의는 워싱턴 D.C.에서 개최된다.', '일정은 추후 결정한다.']],
      ['1. 양측은 합의했다. 2. 양측은 재확인했다.', ['1. 양측은 합의했다.', '2. 양측은 재확인했다.']],
      ['검토가 필요함. 추가 협의 예정임.', ['검토가 필요함.', '추가 협의 예정임.']],
      ['"억제가 최우선이다."라고 말했다. 이어 회담이 열렸다.', ['"억제가 최우선이다."라고 말했다.', '이어 회담이 열렸다.']],
      ['미 전략자산 전개는 U.S. 공약의 일부다.', ['미 전략자산 전개는 U.S. 공약의 일부다.']],
    ];
    for (const [input, want] of cases) {
      it(JSON.stringify(input), () => expect(splitSentences(input, 'ko')).to.deep.equal(want));
    }
  });

  describe('#detectMarker', () => {
    const cases: [string, string | null, number][] = [
      ['□ 한미는 회의를 개최하였다.', '□', 0],
      ['ㅇ 이번 회의는 공동 주관하였다.', 'ㅇ', 1],
      ['❍ 양측은 합의하였다.', '❍', 1],
      ['- 세부 내용은 다음과 같다.', '-', 2],
      ['∙ 세부 항목', '∙', 2],
      ['※ 참고 사항', '※', 1],
      ['1. 개요', '1.', 0],
      ['가. 추진 배경', '가.', 1],
      ['① 첫째 항목', '①', 1],
      ['2023. 9. 18. 회의 개최', null, 0],
      ['-3 degrees', null, 0],
      ['한미는 회의를 개최하였다.', null, 0],
    ];
    for (const [line, marker, level] of cases) {
      it(JSON.stringify(line), () => {
        const m = detectMarker(line);
        expect(m ? [m.marker, m.level] : [null, 0]).to.deep.equal([marker, level]);
      });
    }
  });

  describe('#splitParagraphs', () => {
    it('keeps one paragraph per line when there are no blank lines', () => {
      const text = 'Joint Press Statement\nThe two sides met in Seoul.\nThey agreed to meet again';
      expect(render(splitParagraphs(text, 'en'))).to.deep.equal([
        '0||Joint Press Statement', '0||The two sides met in Seoul.', '0||They agreed to meet again',
      ]);
    });

    it('joins hard-wrapped lines inside blank-line separated blocks', () => {
      const text = 'Joint Press Statement\n\nThe United States and the Republic of Korea held\nthe fifth meeting of the group in Seoul on June 26,\n2025. The meeting was co-chaired by senior officials.\n\nThe two sides agreed to\nmeet again next year.\n';
      expect(render(splitParagraphs(text, 'en'))).to.deep.equal([
        '0||Joint Press Statement',
        '0||The United States and the Republic of Korea held the fifth meeting of the group in Seoul on June 26, 2025. The meeting was co-chaired by senior officials.',
        '0||The two sides agreed to meet again next year.',
      ]);
    });

    it('starts a paragraph at every bullet and records MND levels', () => {
      const text = '제5차 회의 결과\n□ 한미는 서울에서 회의를 개최하였다.\nㅇ 이번 회의는 양국 대표가 공동 주관하였다.\n- 양측은 연내 완료하기로 합의하였다.\n□ 차기 회의는 내년에 개최한다.';
      expect(render(splitParagraphs(text, 'ko'))).to.deep.equal([
        '0||제5차 회의 결과',
        '0|□|□ 한미는 서울에서 회의를 개최하였다.',
        '1|ㅇ|ㅇ 이번 회의는 양국 대표가 공동 주관하였다.',
        '2|-|- 양측은 연내 완료하기로 합의하였다.',
        '0|□|□ 차기 회의는 내년에 개최한다.',
      ]);
    });

    it('splits bullets inside a wrapped block and joins their continuation lines', () => {
      const text = '□ 양측은 확장억제 공약을 재확인하고 이를 위한\n구체적인 방안을 논의하였다.\nㅇ 양측은 연합연습을 지속하기로\n합의하였다.\n\n□ 공동대표는 차기 회의 개최에 합의하였다.';
      expect(render(splitParagraphs(text, 'ko'))).to.deep.equal([
        '0|□|□ 양측은 확장억제 공약을 재확인하고 이를 위한 구체적인 방안을 논의하였다.',
        '1|ㅇ|ㅇ 양측은 연합연습을 지속하기로 합의하였다.',
        '0|□|□ 공동대표는 차기 회의 개최에 합의하였다.',
      ]);
    });

    it('drops page numbers and punctuation-only lines but keeps an editorial ellipsis', () => {
      const text = '첫 번째 문단이다.\n- 3 -\n12\n----\n[…]\n***\n두 번째 문단이다.';
      expect(splitParagraphs(text, 'ko').map((p) => p.text)).to.deep.equal(['첫 번째 문단이다.', '[…]', '두 번째 문단이다.']);
    });
  });

  describe('#preSplitLines', () => {
    it('returns every non-empty trimmed line, in order', () => {
      expect(preSplitLines('  first line \r\n\r\nsecond\u00a0 line\n\n  \n- 3 -\n')).to.deep.equal(['first line', 'second line', '- 3 -']);
    });
    it('collapses every kind of inner whitespace to one space, and keeps single spaces as they are', () => {
      const lines = ['one two', 'tab\there', 'two  spaces', 'ideographic\u3000space', 'zero\u200bwidth', '\ufeffbom first', 'nbsp\u00a0x', '\u200b'];
      expect(preSplitLines(lines.join('\n'))).to.deep.equal(['one two', 'tab here', 'two spaces', 'ideographic space', 'zero width', 'bom first', 'nbsp x']);
    });
  });
});

describe('core/segment #countSentences', () => {
  it('counts what splitSentences returns, without building the sentences', async () => {
    const { countSentences, splitSentences } = await import('../../server/core/segment.ts');
    const cases: [string, string][] = [
      ['The U.S. and the ROK met in Washington, D.C. on Sept. 18. They agreed to meet again.', 'en'],
      ['양측은 9.18.(월) 회의를 개최하였다. 양측은 워싱턴 D.C.에서 다시 만나기로 하였다.', 'ko'],
      ['No sentence end here', 'en'],
      ['', 'en'],
    ];
    for (const [text, lang] of cases) expect(countSentences(text, lang), text).to.equal(splitSentences(text, lang).length);
  });
});
