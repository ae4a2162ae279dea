import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractStatementBody, pageDate } from '../../server/core/boilerplate.ts';

const pagesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/formats/pages');
const read = (name: string): string => readFileSync(path.join(pagesDir, name), 'utf8').replace(/\n$/, '');
const pages = readdirSync(pagesDir)
  .filter((f) => f.endsWith('.page.txt'))
  .map((f) => f.replace(/\.page\.txt$/, ''))
  .sort();

describe('core/boilerplate', () => {
  describe('#extractStatementBody', () => {
    it('has page fixtures to check', () => {
      expect(pages).to.include.members(['embassy-en', 'ministry-ko', 'defense-en', 'embassy-ko-abridged', 'mirror-en', 'readout-ko']);
    });

    for (const name of pages) {
      it(`reduces ${name} page text to the title and body`, () => {
        expect(extractStatementBody(read(`${name}.page.txt`))).to.equal(read(`${name}.body.txt`));
      });

      it(`returns the clean ${name} body unchanged`, () => {
        const body = read(`${name}.body.txt`);
        expect(extractStatementBody(body)).to.equal(body);
      });
    }

    it('reads a Japanese page by characters, not words: drops its full-width dateline and menus, keeps title and body', () => {
      const page = [
        'ホーム > 報道発表',
        '海洋協力に関する日本とカナダの共同声明',
        '２０２６年３月４日、オタワ',
        '',
        '日本の外務大臣とカナダの外務大臣は２０２６年３月４日にオタワで会談した。両大臣は持続可能な海洋への決意を再確認した。',
        '両大臣は北極航路に関する共同研究を開始することで合意した。',
        '双方は２０２７年に東京で次回会合を開催する。',
        '',
        '関連リンク',
        '前の記事',
      ].join('\n');
      const body = extractStatementBody(page, 'ja').split('\n').filter(Boolean);
      expect(body).to.deep.equal([
        '海洋協力に関する日本とカナダの共同声明',
        '日本の外務大臣とカナダの外務大臣は２０２６年３月４日にオタワで会談した。両大臣は持続可能な海洋への決意を再確認した。',
        '両大臣は北極航路に関する共同研究を開始することで合意した。',
        '双方は２０２７年に東京で次回会合を開催する。',
      ]);
    });

    it('keeps a short Japanese title and drops a 令和 dateline and a Japanese breadcrumb', () => {
      const page = ['ホーム > 報道発表', '日加外相会談', '令和8年3月4日', '日本の外務大臣とカナダの外務大臣はオタワで会談した。両大臣は持続可能な海洋への決意を再確認した。', '両大臣は北極航路に関する共同研究を開始することで合意した。'].join('\n');
      expect(extractStatementBody(page, 'ja').split('\n').filter(Boolean)).to.deep.equal([
        '日加外相会談',
        '日本の外務大臣とカナダの外務大臣はオタワで会談した。両大臣は持続可能な海洋への決意を再確認した。',
        '両大臣は北極航路に関する共同研究を開始することで合意した。',
      ]);
    });

    it('keeps the title once when the page repeats it above the body', () => {
      const page = [
        '홈 > 국방소식 > 보도자료',
        '보도자료',
        '한미 국방정책실무회의 결과',
        '작성일 2024-02-01',
        '조회수 512',
        '',
        '한미 국방정책실무회의 결과',
        '□ 한미는 2024년 2월 1일 서울에서 국방정책실무회의를 개최하였다.',
        '□ 양측은 연합방위태세를 점검하고 협력 방안을 논의하였다.',
      ].join('\n');
      expect(extractStatementBody(page).split('\n')).to.deep.equal([
        '한미 국방정책실무회의 결과',
        '□ 한미는 2024년 2월 1일 서울에서 국방정책실무회의를 개최하였다.',
        '□ 양측은 연합방위태세를 점검하고 협력 방안을 논의하였다.',
      ]);
    });

    it("takes a board page's title without its field label, and drops the row labels around it", () => {
      const title = '제9차 한미 국방우주정책대화 공동보도문';
      const body = ['□ 한미는 2025년 11월 13일 워싱턴 D.C.에서 제9차 국방우주정책대화를 개최하였다.', '□ 양측은 우주상황인식 정보 공유를 확대하기로 하였다.'];
      const rows = [`제목 ${title}`, '작성일 2025-11-14 조회수 1532', '담당부서 국방정책실 국제정책관실 연락처 02-748-6281'];
      for (const repeat of [[title], []]) {
        const page = ['홈 > 알림마당 > 보도자료', '보도자료', '', ...rows, '', ...repeat, ...body, '', '이전글 국방부 장관 간담회 개최'].join('\n');
        expect(extractStatementBody(page).split('\n').filter(Boolean), repeat.length ? 'title repeated' : 'title in the row only').to.deep.equal([title, ...body]);
      }
      const en = ['Home > Press Releases', 'Subject: Joint Statement on the Space Policy Dialogue', 'Date: 2025-11-14', '', 'The Republic of Korea and the United States held the ninth Space Policy Dialogue in Washington on November 13, 2025.'];
      expect(extractStatementBody(en.join('\n')).split('\n').filter(Boolean)).to.deep.equal(['Joint Statement on the Space Policy Dialogue', en[4]]);
    });

    it('keeps a short last paragraph that is a complete sentence, and still drops the footer after it', () => {
      const en = [
        'The Chairmen of the Joint Chiefs of Staff met in Seoul on November 3, 2026, for the 51st Military Committee Meeting.',
        '',
        'The two sides discussed the security situation on the Korean Peninsula and agreed to strengthen combined readiness.',
        '',
        'The Chairmen reviewed readiness.',
        '',
        'Share',
        'Print',
      ].join('\n');
      expect(extractStatementBody(en).split('\n').filter(Boolean).at(-1)).to.equal('The Chairmen reviewed readiness.');
      const ko = ['양측은 한반도 안보 상황을 논의하고 연합 준비태세를 강화하기로 합의하였다.', '', '양 의장은 준비태세를 점검하였다.', '', '목록', '인쇄'].join('\n');
      expect(extractStatementBody(ko).split('\n').filter(Boolean).at(-1)).to.equal('양 의장은 준비태세를 점검하였다.');
    });

    it('keeps a closing sentence of a word or two ("Thank you.", "감사합니다.") as the last line of clean text', () => {
      const ko = '양측은 회의를 개최하였다.\n\n양측은 차기 회의를 서울에서 개최하기로 하였다.\n\n감사합니다.\n';
      expect(extractStatementBody(ko)).to.equal(ko);
      const en = 'The two sides met in Seoul.\n\nThey agreed to meet again.\n\nThank you.\n';
      expect(extractStatementBody(en)).to.equal(en);
      const ja = '両国は東京で会談を行った。\n\n両国は次回の会談をソウルで開催することで一致した。\n\n以上。\n';
      expect(extractStatementBody(ja)).to.equal(ja);
    });

    it('keeps a closing sentence of a word or two before page chrome, and drops the chrome', () => {
      const en = [
        'Joint Statement',
        '',
        'The two sides met in Seoul on Tuesday to review the alliance and its combined readiness.',
        '',
        'They agreed to meet again next year in Washington.',
        '',
        'Thank you.',
        '',
        'Share',
        'Print',
        'Tags: Alliance, Readiness',
        'Copyright 2026 Example Agency',
        'Related Articles',
        'The ministers of both countries met in Tokyo last month to discuss the trilateral partnership and its future.',
      ].join('\n');
      expect(extractStatementBody(en).split('\n').filter(Boolean)).to.deep.equal([
        'Joint Statement',
        'The two sides met in Seoul on Tuesday to review the alliance and its combined readiness.',
        'They agreed to meet again next year in Washington.',
        'Thank you.',
      ]);
      const ko = [
        '한미 공동보도문',
        '',
        '양측은 서울에서 회의를 개최하고 동맹의 연합 준비태세를 점검하였다.',
        '',
        '감사합니다.',
        '',
        '문의: 국방부 대변인실 02-748-1234',
        '붙임 보도자료 1부',
      ].join('\n');
      expect(extractStatementBody(ko).split('\n').filter(Boolean)).to.deep.equal([
        '한미 공동보도문',
        '양측은 서울에서 회의를 개최하고 동맹의 연합 준비태세를 점검하였다.',
        '감사합니다.',
      ]);
    });

    it('drops a page\'s feedback widget ("Was this page helpful?", Yes, No) after the body', () => {
      const body = ['The two sides met in Seoul on Tuesday to review the alliance and its combined readiness.', '', 'They agreed to meet again next year in Washington.'];
      const en = [...body, '', 'Was this page helpful?', 'Yes', 'No', '', 'Back to top'].join('\n');
      expect(extractStatementBody(en).split('\n').filter(Boolean)).to.deep.equal(body.filter(Boolean));
      const ko = ['양측은 서울에서 회의를 개최하고 동맹의 연합 준비태세를 점검하였다.', '', '이 페이지가 도움이 되었습니까?', '예', '아니오'].join('\n');
      expect(extractStatementBody(ko).split('\n').filter(Boolean)).to.deep.equal(['양측은 서울에서 회의를 개최하고 동맹의 연합 준비태세를 점검하였다.']);
    });

    it('still drops "Share / Print / Back to top" lines after the body', () => {
      const body = [
        'The two sides met in Seoul on Tuesday to review the alliance and its combined readiness.',
        '',
        'They agreed to meet again next year in Washington.',
      ];
      const page = [...body, '', 'Share', 'Print', 'Back to top'].join('\n');
      expect(extractStatementBody(page)).to.equal(body.join('\n'));
    });

    it('drops a copyright line written with ⓒ as one written with ©, and what a page adds under it', () => {
      const ko = ['한미 공동보도문', '', '양측은 서울에서 회의를 개최하고 동맹의 연합 준비태세를 점검하였다.', '', '양측은 차기 회의를 워싱턴에서 개최하기로 하였다.'];
      // A line of the page's footer that reads as a sentence: kept if the copyright line above it were no chrome.
      const footer = '이 누리집의 자료는 출처를 밝히고 자유롭게 이용하실 수 있습니다.';
      for (const line of ['ⓒ 국방부', 'Ⓒ 2026 국방부', 'Copyright ⓒ 외교부. All rights reserved.', '저작권자 ⓒ 연합뉴스. 무단 전재 및 재배포 금지.', '저작권자 © 연합뉴스. 무단 전재 및 재배포 금지.']) {
        // Right under the body, where a line ending on a stop would be kept as its closing line.
        expect(extractStatementBody([...ko, '', line].join('\n')).split('\n').filter(Boolean), line).to.deep.equal(ko.filter(Boolean));
        expect(extractStatementBody([...ko, '', line, footer].join('\n')).split('\n').filter(Boolean), line).to.deep.equal(ko.filter(Boolean));
      }
    });

    it('drops a Japanese page\'s chrome under the release (back to top, print, related links, copyright) and keeps the release before it', () => {
      const ja = ['日韓外相会談', '', '日本の外務大臣と韓国の外務大臣は３月４日に東京で会談した。両大臣は両国関係の発展を確認した。', '', '両大臣は次回の会談をソウルで開催することで一致した。'];
      // A footer line and a related release that read as sentences: kept if the line above them were no chrome.
      const footer = '外務省ホームページの内容は予告なく変更されることがありますのでご注意ください。';
      const related = '日中韓外相会議の開催について外務報道官談話を発表しました。';
      for (const line of [
        'ページの先頭へ戻る', 'ページの先頭へ', 'このページのトップへ戻る', 'ページトップへ戻る', 'トップへ戻る', '印刷', '印刷する', '印刷用ページ',
        '関連リンク', '関連情報', '前の記事', '次の記事', 'Copyright © 外務省', '© 2026 Ministry of Foreign Affairs of Japan',
        'Copyright © Ministry of Foreign Affairs of Japan',
      ]) {
        for (const tail of [[line], [line, footer], [line, '', related]]) {
          expect(extractStatementBody([...ja, '', ...tail].join('\n'), 'ja').split('\n').filter(Boolean), tail.join('|')).to.deep.equal(ja.filter(Boolean));
        }
      }
      // Chrome above the release too: a skip link and a back-to-top line do not make a title.
      const page = ['本文へ', 'ホーム > 外交政策', ...ja, '', '印刷', 'ページの先頭へ戻る', 'Copyright © Ministry of Foreign Affairs of Japan'].join('\n');
      expect(extractStatementBody(page, 'ja').split('\n').filter(Boolean)).to.deep.equal(ja.filter(Boolean));
    });

    it('keeps a short closing line that is no full sentence: a Korean end mark ("(끝)", "끝.", "- 끝 -") or a nominal line ("둘째 문단.")', () => {
      const ko = ['한미 공동보도문', '', '양측은 서울에서 회의를 개최하고 동맹의 연합 준비태세를 점검하였다.', '', '양측은 차기 회의를 워싱턴에서 개최하기로 하였다.'];
      for (const close of ['(끝)', '끝.', '끝', '- 끝 -', '-끝-', '/끝/', '<끝>', '둘째 문단.', '차기 회의 개최 예정.']) {
        // As the last line of clean text, and before a page's footer, which is still dropped.
        const clean = [...ko, '', close, ''].join('\n');
        expect(extractStatementBody(clean), close).to.equal(clean);
        const page = [...ko, '', close, '', '목록', '이전글', '다음글', 'COPYRIGHT (C) MINISTRY OF NATIONAL DEFENSE. ALL RIGHTS RESERVED.'].join('\n');
        expect(extractStatementBody(page).split('\n').filter(Boolean), close).to.deep.equal([...ko, close].filter(Boolean));
      }
      // The end mark after the last sentence, then the page's attachment row: the row is the page's.
      const attached = [...ko, '', '(끝)', '', '붙임: 회의 사진 1부.', '담당 부서: 국제정책과'].join('\n');
      expect(extractStatementBody(attached).split('\n').filter(Boolean)).to.deep.equal([...ko, '(끝)'].filter(Boolean));
      // "End of statement." closes an English release; "###" and "- 30 -" are the page's end marks, left out as before.
      const en = ['Joint Statement', '', 'The two sides met in Seoul on Tuesday to review the alliance and its combined readiness.', '', 'They agreed to meet again next year in Washington.'];
      for (const tail of [['End of statement.'], ['End of statement.', '###'], ['End of statement.', '', '- 30 -', 'Share']]) {
        expect(extractStatementBody([...en, '', ...tail].join('\n')).split('\n').filter(Boolean), tail.join('|')).to.deep.equal([...en, 'End of statement.'].filter(Boolean));
      }
      expect(extractStatementBody([...en, '', '###', '', 'Related Articles'].join('\n'))).to.equal(en.join('\n'));
    });

    it('keeps a Japanese release\'s closing 以上 on a line of its own, with or without 。, as a Korean end mark', () => {
      const ja = ['日韓外相会談', '', '日本の外務大臣と韓国の外務大臣は３月４日に東京で会談した。両大臣は両国関係の発展を確認した。', '', '両大臣は次回の会談をソウルで開催することで一致した。'];
      for (const close of ['以上', '以上。', '以 上']) {
        const clean = [...ja, '', close, ''].join('\n');
        expect(extractStatementBody(clean, 'ja'), close).to.equal(clean);
        const page = [...ja, '', close, '', '印刷', 'ページの先頭へ戻る', '関連リンク', 'Copyright © Ministry of Foreign Affairs of Japan'].join('\n');
        expect(extractStatementBody(page, 'ja').split('\n').filter(Boolean), close).to.deep.equal([...ja, close].filter(Boolean));
      }
    });

    it('keeps a closing line right under the body when a menu item ("Home", "홈") follows it, and drops the menu', () => {
      const en = ['Joint Statement', '', 'The two sides met in Seoul on Tuesday to review the alliance and its combined readiness.', '', 'They agreed to meet again next year in Washington.'];
      for (const tail of [['Thank you.', 'Home', 'Privacy Policy', 'Copyright 2026 Example Agency'], ['Thank you.', '', 'Home', 'Top', 'Share', 'Print'], ['End of statement.', 'Home', 'Newsroom', 'Print']]) {
        expect(extractStatementBody([...en, '', ...tail].join('\n')).split('\n').filter(Boolean), tail.join('|')).to.deep.equal([...en, tail[0]!].filter(Boolean));
      }
      const ko = ['한미 공동보도문', '', '양측은 서울에서 회의를 개최하고 동맹의 연합 준비태세를 점검하였다.', '', '양측은 차기 회의를 워싱턴에서 개최하기로 하였다.'];
      for (const tail of [['감사합니다.', '홈', '알림마당', '목록'], ['(끝)', '', '홈', '공지사항', '개인정보처리방침', '저작권정책'], ['둘째 문단.', '보도자료', '이전글']]) {
        expect(extractStatementBody([...ko, '', ...tail].join('\n')).split('\n').filter(Boolean), tail.join('|')).to.deep.equal([...ko, tail[0]!].filter(Boolean));
      }
    });

    it('keeps no menu line between the body and a closing line further down, nor one after the closing line', () => {
      const en = ['Joint Statement', '', 'The two sides met in Seoul on Tuesday to review the alliance and its combined readiness.', '', 'They agreed to meet again next year in Washington.'];
      // Page furniture right under the body: none of it is kept, however it ends.
      for (const tail of [['Home', 'Print', 'Share'], ['Home', 'Newsroom', 'Contact us.', 'Copyright 2026 Example Agency'], ['Thank you.', 'Home', 'Contact us.']]) {
        const kept = tail[0] === 'Thank you.' ? [...en, 'Thank you.'] : en;
        expect(extractStatementBody([...en, '', ...tail].join('\n')).split('\n').filter(Boolean), tail.join('|')).to.deep.equal(kept.filter(Boolean));
      }
      const ko = ['양측은 서울에서 회의를 개최하고 동맹의 연합 준비태세를 점검하였다.', '', '양측은 차기 회의를 워싱턴에서 개최하기로 하였다.'];
      for (const tail of [['목록', '이전글', '다음글'], ['홈', '인쇄', '공유하기', 'ⓒ 국방부'], ['(끝)', '홈', '보도자료 목록.']]) {
        const kept = tail[0] === '(끝)' ? [...ko, '(끝)'] : ko;
        expect(extractStatementBody([...ko, '', ...tail].join('\n')).split('\n').filter(Boolean), tail.join('|')).to.deep.equal(kept.filter(Boolean));
      }
    });

    it('keeps a short bulleted heading that closes the page, and still drops the footer after it', () => {
      const ko = ['□ 회의 결과', '', 'ㅇ 양측은 한반도 안보 상황을 논의하고 연합 준비태세를 강화하기로 합의하였다.', '', '□향후 계획'].join('\n');
      expect(extractStatementBody(ko).split('\n').filter(Boolean).at(-1)).to.equal('□향후 계획');
      const withFooter = ko + '\n\n목록\n인쇄';
      expect(extractStatementBody(withFooter).split('\n').filter(Boolean).at(-1)).to.equal('□향후 계획');
    });

    it('strips a mirror date annotation from the first body line', () => {
      const page =
        ' date 2024-05-02 The following is attributable to Spokesperson Jane Doe:\n\n' +
        'The Secretary spoke today with the Foreign Minister of the Republic of Korea about regional security.';
      expect(extractStatementBody(page)).to.equal(
        'The following is attributable to Spokesperson Jane Doe:\n\n' +
          'The Secretary spoke today with the Foreign Minister of the Republic of Korea about regional security.',
      );
    });

    it('keeps a first paragraph that opens with a dateline and a year, without its dateline', () => {
      const text = [
        'Joint Statement on the Space Policy Dialogue',
        '',
        'SEOUL, Nov. 13, 2025 - The Republic of Korea and the United States held the ninth Space Policy Dialogue today.',
        '',
        'The two sides agreed to deepen cooperation in three areas.',
      ].join('\n');
      expect(extractStatementBody(text).split('\n').filter(Boolean)).to.deep.equal([
        'Joint Statement on the Space Policy Dialogue',
        'The Republic of Korea and the United States held the ninth Space Policy Dialogue today.',
        'The two sides agreed to deepen cooperation in three areas.',
      ]);
      const page = [
        'IMMEDIATE RELEASE',
        'Joint Statement on the Space Policy Dialogue',
        'Nov. 14, 2025 |',
        'WASHINGTON, Nov. 13, 2025 — The Republic of Korea and the United States held the ninth Space Policy Dialogue at the Pentagon.',
        'The dialogue was co-chaired by the Director General for Defense Policy and the Deputy Assistant Secretary of Defense for Space Policy.',
        'Contracts For Nov. 13, 2025',
        'Nov. 13, 2025 - Contracts For Nov. 13, 2025',
      ].join('\n');
      expect(extractStatementBody(page).split('\n').filter(Boolean)).to.deep.equal([
        'Joint Statement on the Space Policy Dialogue',
        'The Republic of Korea and the United States held the ninth Space Policy Dialogue at the Pentagon.',
        'The dialogue was co-chaired by the Director General for Defense Policy and the Deputy Assistant Secretary of Defense for Space Policy.',
      ]);
    });

    it('keeps a list item that gives a date, and everything above it: a clean text comes back unchanged', () => {
      const ko = [
        '제9차 한미 국방우주정책대화 개최',
        '',
        '□ 국방부는 2025년 11월 13일 미국 워싱턴 D.C.에서 제9차 한미 국방우주정책대화를 개최하였다고 밝혔다.',
        '',
        '□ 행사 개요',
        '  ㅇ 일시 : 2025. 11. 13.(목)',
        '  ㅇ 장소 : 미 국방부(워싱턴 D.C.)',
        '  ㅇ 참석 : 양국 국방부 및 합참 관계관 30여 명',
        '',
        '□ 양측은 우주상황인식 정보 공유와 연합연습 참가 등 세 가지 분야에서 협력을 심화하기로 하였다.',
      ].join('\n');
      expect(extractStatementBody(ko)).to.equal(ko);
      const en = [
        'Joint Statement on the Space Policy Dialogue',
        '',
        'The two sides met in Washington and discussed space cooperation in detail today.',
        '',
        'Overview of the event:',
        '',
        '- Date: November 13, 2025',
        '- Venue: the Pentagon, Washington, D.C.',
        '- Participants: about 30 officials from both defense ministries',
        '',
        'The two sides agreed to deepen cooperation in three areas of space security.',
      ].join('\n');
      expect(extractStatementBody(en)).to.equal(en);
      // A page's date row stays page chrome, bullet or not.
      expect(extractStatementBody(`Home > News\n${en}\n• Nov. 14, 2025`)).to.equal(en);
    });

    it('keeps a subtitle under the title of a text that opens with its title', () => {
      const text = [
        'Joint Press Statement for the Ninth Korea-U.S. Defense Space Policy Dialogue',
        '',
        'Allies Agree to Share Space Situational Awareness Data',
        '',
        'The Republic of Korea and the United States held the ninth Defense Space Policy Dialogue in Washington, D.C., on November 13, 2025.',
        '',
        'The two sides agreed to deepen cooperation in three areas of space security.',
      ];
      expect(extractStatementBody(text.join('\n'))).to.equal(text.join('\n'));
      // On a page, a line between the title and the body is the page's (an office, a byline).
      const page = ['Home', 'News', 'Press Releases', text[0], 'Office of the Spokesperson', ...text.slice(3)].join('\n');
      expect(extractStatementBody(page).split('\n').filter(Boolean)).to.deep.equal([text[0], text[4], text[6]]);
    });

    it('keeps a body sentence that names an official website, and the paragraphs after it', () => {
      const body = [
        'Joint Press Statement for the Ninth Korea-U.S. Defense Space Policy Dialogue',
        'The Republic of Korea Ministry of National Defense and the U.S. Department of Defense held the ninth Defense Space Policy Dialogue in Washington, D.C., on November 13, 2025.',
        'The two sides agreed to deepen cooperation in space situational awareness, combined exercises and the training of space operators.',
        'A Korean translation of this statement is posted on the official website of the ROK Ministry of National Defense.',
        'The ROK and the United States plan to hold the tenth Defense Space Policy Dialogue in Seoul in the second half of 2026.',
      ];
      const page = [
        'An official website of the United States government',
        "Here's how you know",
        'A .mil website belongs to an official U.S. Department of Defense organization in the United States.',
        'A lock (lock) or https:// means you’ve safely connected to the .mil website. Share sensitive information only on official, secure websites.',
        'Home : Newsroom : Releases',
        'IMMEDIATE RELEASE',
        body[0],
        'Nov. 14, 2025 |',
        ...body.slice(1),
        '###',
        'Subscribe to Defense.gov Products',
        'Choose which Defense.gov products you want delivered to your inbox.',
        'This is the official website of the U.S. Department of Defense.',
      ];
      expect(extractStatementBody(page.join('\n'))).to.equal(body.join('\n'));
      const ko = ['한미 개인정보 보호 협력 공동성명', '양국은 2025년 11월 13일 서울에서 디지털 협력 대화를 개최하였다.', '양국은 개인정보 보호정책의 상호운용성을 높이기 위해 협력하기로 하였다.', '양국은 2026년 워싱턴에서 다음 대화를 개최할 예정이다.'];
      expect(extractStatementBody([...ko, '', '개인정보처리방침', '저작권정책'].join('\n'))).to.equal(ko.join('\n'));
    });

    it('does not treat related-news teasers after a long gap as body', () => {
      const page = [
        'Joint Statement on Defense Technology Cooperation',
        '',
        'The two sides agreed to strengthen cooperation on defense science and technology and to expand joint research.',
        '',
        'They reaffirmed the importance of resilient supply chains for the Alliance and its partners in the region.',
        '',
        '',
        '',
        'Secretary Travels to Europe for Allied Meetings',
        'A placeholder graphic is shown for releases that do not come with any accompanying imagery of their own.',
        'May 3, 2024 - The Secretary will depart next week for a series of meetings with allied defense ministers...',
      ].join('\n');
      expect(extractStatementBody(page)).to.equal(
        [
          'Joint Statement on Defense Technology Cooperation',
          '',
          'The two sides agreed to strengthen cooperation on defense science and technology and to expand joint research.',
          '',
          'They reaffirmed the importance of resilient supply chains for the Alliance and its partners in the region.',
        ].join('\n'),
      );
    });

    it('scores a hard-wrapped body by paragraph, so wrapped lines are neither dropped nor reordered', () => {
      const body = [
        'Joint Statement on Cyber Cooperation',
        '',
        'The United States and the Republic of Korea held the fourth cyber',
        'policy consultations in Washington on April 9, 2024, and reviewed',
        'progress on the joint work plan adopted last year',
        '',
        'The two sides agreed to expand information sharing on malicious',
        'cyber actors, including state-sponsored groups that steal',
        'cryptocurrency to fund weapons programs',
        '',
        'Both sides will hold the next round of consultations in Seoul.',
      ].join('\n');
      expect(extractStatementBody(body)).to.equal(body);
      expect(extractStatementBody(`Home\nNews\nMenu\n\n${body}\n\nRelated News\nA teaser title of another item\nMay 1, 2024`)).to.equal(body);
    });

    it('keeps subheadings, list items and short sentences after the longest paragraph, up to the page footer', () => {
      const body = [
        'Joint Statement on Fisheries',
        '',
        'The two sides met in Seoul on 4 March 2026 to review cooperation on fisheries and the marine environment.',
        '',
        'Sustainable fisheries',
        '',
        'They agreed to share data.',
        '',
        'Next steps',
        '',
        'Officials will meet again.',
      ].join('\n');
      expect(extractStatementBody(body)).to.equal(body);
      const ko = ['한-영 다우닝가 합의 공동성명', '', '이재명 대통령과 키어 스타머 총리는 2026년 2월 17일 다우닝가 10번지에서 회담하였다.', '', '합의는 다음 분야의 협력을 규정한다.', '', '국방·안보', '', '청정에너지', '', '양 정상은 다음 회담에서 진전 상황을 점검할 예정이다.'];
      expect(extractStatementBody(ko.join('\n'))).to.equal(ko.join('\n'));
      // The page's footer after them still goes.
      const page = `Home > News\n${body}\n\nShare\nPrivacy Policy\nCopyright 2026 Ministry of Oceans`;
      expect(extractStatementBody(page)).to.equal(body);
    });

    it('reads a Korean text wrapped at 30 characters by paragraph, losing nothing', () => {
      const body = [
        '한미일 국방장관회담 공동언론보도문',
        '',
        '3국 장관은 2026년 6월 3일 싱가포르에서',
        '열린 샹그릴라 대화를 계기로 회담을',
        '개최하였다.',
        '',
        '3국 장관은 연내 실시간 미사일 경보정보',
        '공유체계 가동을 위한 진전을 환영하였으며,',
        '3자 훈련의 중요성을 재확인하였다.',
        '',
        '3국 장관은 인도태평양 지역에서 힘에 의한',
        '일방적인 현상 변경 시도에 반대하였다.',
        '',
        '3국 장관은 2027년 일본에서 다시 만나기로',
        '하였다.',
      ].join('\n');
      expect(extractStatementBody(body)).to.equal(body);
    });

    it('keeps a list that closes the statement, its items short and unpunctuated, and drops the footer after it', () => {
      const body = [
        'Joint Statement on the Second Meeting of the Space Policy Working Group',
        '',
        'The United States and the Republic of Korea held the second meeting of the space policy working group in Seoul on May 12, 2026.',
        '',
        'The two sides agreed to pursue the following lines of effort:',
        'Sharing of space situational awareness data',
        'A combined space tabletop exercise in the second half of 2026',
        'Closer coordination with Japan on space security',
      ];
      expect(extractStatementBody([...body, '', 'Privacy Policy', 'FOIA'].join('\n'))).to.equal(body.join('\n'));
      expect(extractStatementBody(['Home > News', '', ...body, '', '', 'Related News', 'Another release title'].join('\n'))).to.equal(body.join('\n'));
    });

    it('after a closing list, stops at the page\'s tags, navigation and contact lines', () => {
      const body = [
        'Joint Statement on the Fourth U.S.-ROK Space Policy Dialogue',
        'The United States and the Republic of Korea held the fourth Space Policy Dialogue in Seoul on March 4, 2026, co-chaired by officials of both foreign ministries.',
        'The two sides agreed to pursue cooperation in the following areas:',
        'Lunar exploration under the Artemis Accords',
        'Space situational awareness and space traffic coordination',
        'Satellite-based navigation and timing',
      ];
      expect(extractStatementBody([...body, 'Tags', 'Office of the Spokesperson', 'South Korea', 'Space', 'USA.gov'].join('\n'))).to.equal(body.join('\n'));
      // Spaced as a page's list items come out of its HTML: a blank line between them.
      const spaced = body.join('\n\n');
      expect(extractStatementBody(`${spaced}\n\nTags\n\nSouth Korea\n\nSpace`)).to.equal(spaced);
      const contact = body.slice(0, 2).concat('The two sides agreed to meet again in Washington in the second half of the year.');
      expect(extractStatementBody([...contact, 'For further information, please contact:', 'Press Office', 'Embassy of the Republic of Korea', 'Phone (202) 939-5600', 'Previous', 'Next', 'List'].join('\n'))).to.equal(contact.join('\n'));
    });

    it('reads a hard-wrapped text by paragraph when its title or a URL runs longer than the wrap', () => {
      const body = [
        'Joint Statement of the Republic of Korea and the United States of America on the Sixth Meeting of the Extended Deterrence Strategy and Consultation Group',
        '',
        'The Republic of Korea and the United States held the sixth Cyber',
        'Policy Consultations in Seoul on April 7, 2026, to discuss threats',
        'posed by malicious cyber activities of state and non-state actors.',
        '',
        'The two sides agreed to hold the next consultations in Washington',
        'in 2027 and to continue close coordination in international fora.',
      ];
      expect(extractStatementBody(body.join('\n'))).to.equal(body.join('\n'));
      expect(extractStatementBody([...body, '', 'Source: Ministry of Foreign Affairs, press release No. 26-118,', 'https://www.mofa.go.kr/eng/brd/m_5676/view.do?seq=322345&page=1&srchFr=&srchTo=&srchWord=&srchTp=&multi_itm_seq=0'].join('\n'))).to.equal(body.join('\n'));
    });

    it('keeps a hard-wrapped title whole, and no body line that reads like a piece of it goes', () => {
      const title = 'Joint Statement on the Fourth Meeting of the U.S.-ROK Space Policy Working Group';
      const paras = [
        'The United States and the Republic of Korea held the fourth meeting of the U.S.-ROK Space Policy Working Group in Seoul on May 12, 2026, co-chaired by officials of both defense ministries.',
        'The two sides reviewed progress in sharing space situational awareness data and agreed to hold a combined space tabletop exercise in the second half of 2026.',
        'They agreed to hold the fifth meeting of the Space Policy Working Group in Washington, D.C., in 2027.',
      ];
      for (const width of [72, 40, 30]) {
        const wrap = (s: string) => s.split(' ').reduce<string[]>((ls, w) => {
          if (ls.length && (ls[ls.length - 1]! + ' ' + w).length <= width) ls[ls.length - 1] += ' ' + w;
          else ls.push(w);
          return ls;
        }, []);
        const text = [title, ...paras].map((p) => wrap(p).join('\n')).join('\n\n');
        const out = extractStatementBody(`Home\nNews\n\n${text}\n\nShare\nPrint`);
        expect(out, `wrapped at ${width}`).to.equal(text);
      }
    });

    it('reads Korean wrapped at 20 syllables a line by paragraph, as wide as English at 40 letters', () => {
      const body = [
        '한미 우주정책 실무그룹 제4차 회의 공동',
        '보도문',
        '',
        '한미는 2026년 5월 12일 서울에서 한미 우주정책',
        '실무그룹 제4차 회의를 개최하고 우주상황인식',
        '정보 공유의 진전을 점검하였다.',
        '',
        '양측은 2026년 하반기에 연합 우주 도상훈련을',
        '실시하기로 합의하였다.',
        '',
        '양측은 2027년 워싱턴에서 제5차 회의를 개최하기로',
        '하였다.',
      ].join('\n');
      expect(extractStatementBody(body)).to.equal(body);
      expect(extractStatementBody(`본문 바로가기\n\n${body}\n\n목록\n인쇄`)).to.equal(body);
    });

    describe('a hard-wrapped page copied without blank lines', () => {
      const koTitle = '제10차 한미 국방우주정책대화 공동보도문';
      // Four paragraphs wrapped at 72 columns (a Hangul syllable takes two), one after another.
      const koBody = [
        '한미 양국은 11월 13일 서울에서 제10차 한미 국방우주정책대화를 개최하고',
        '우주 영역에서의 위협 인식을 공유하는 한편 동맹의 우주 협력 성과를',
        '점검하였다.',
        '양측은 우주상황인식 정보의 실시간 공유 범위를 확대하기로 하고, 이를 위한',
        '기술적 절차를 내년 상반기까지 마련하기로 합의하였다.',
        '양측은 2026년 하반기에 연합 우주 도상훈련을 실시하고, 그 결과를 차기',
        '대화에서 평가하기로 하였다.',
        '양측은 차기 대화를 2026년 워싱턴에서 개최하기로 하였다.',
      ];
      const enTitle = 'Joint Statement on the Tenth U.S.-ROK Space Policy Dialogue';
      // Four paragraphs wrapped at 76 columns.
      const enBody = [
        'The United States and the Republic of Korea held the tenth Space Policy',
        'Dialogue in Seoul on November 13, shared their assessments of threats in the',
        'space domain, and reviewed the progress the Alliance has made in space',
        'cooperation over the past year.',
        'The two sides agreed to widen the real-time sharing of space situational',
        'awareness data and to set out the technical procedures for it by the first',
        'half of next year.',
        'They will hold a combined space tabletop exercise in the second half of 2026',
        'and review its results at the next dialogue.',
        'The two sides agreed to hold the eleventh dialogue in Washington in 2026.',
      ];
      const lines = (s: string) => s.split('\n').filter(Boolean);

      it('a Korean ministry page: keeps the title and every body line, and drops the menus, rows and list links', () => {
        const top = ['본문 바로가기', '국방부', '보도자료', koTitle, '작성일 2025-11-14', '조회수 123'];
        const page = [...top, ...koBody, '첨부파일', '목록', '이전글', '국방부 장관, 주한미군 방문'].join('\n');
        expect(lines(extractStatementBody(page))).to.deep.equal([koTitle, ...koBody]);
        // With only the list link under the body, the page's chrome goes all the same.
        expect(lines(extractStatementBody([...top, ...koBody, '목록'].join('\n')))).to.deep.equal([koTitle, ...koBody]);
        expect(pageDate(page)).to.equal('2025-11-14');
      });

      it('a DoD release: keeps the title and body, drops the menus and related releases, and dates it by the row under the title', () => {
        const page = ['Skip to main content', 'Home', 'News', 'RELEASE', enTitle, 'Nov. 14, 2025', ...enBody, 'Related Releases', 'Nov. 10, 2025', 'Secretary Travels to the Indo-Pacific'].join('\n');
        const out = extractStatementBody(page);
        expect(lines(out)).to.deep.equal([enTitle, ...enBody]);
        // The title is its own paragraph: a blank line stands where the date row was.
        expect(out.split('\n').slice(0, 3)).to.deep.equal([enTitle, '', enBody[0]]);
        expect(pageDate(page)).to.equal('2025-11-14');
      });

      it('a title run on into a byline row, and the byline into the first paragraph: keeps both, drops the row', () => {
        const page = [enTitle, 'November 14, 2025 | By Jim Garamone, DOD News', ...enBody].join('\n');
        expect(lines(extractStatementBody(page))).to.deep.equal([enTitle, ...enBody]);
        expect(pageDate(page)).to.equal('2025-11-14');
      });

      it('a paragraph whose first line reads like a date row keeps it, and it does not date the page', () => {
        const body = ['한미는 2026년 5월 12일 서울에서 한미 우주정책', '실무그룹 제4차 회의를 개최하고 우주상황인식', '정보 공유의 진전을 점검하였다.', ...koBody.slice(3)];
        const page = ['본문 바로가기', '보도자료', koTitle, '2026. 5. 13.', ...body, '목록'].join('\n');
        expect(lines(extractStatementBody(page))).to.deep.equal([koTitle, ...body]);
        expect(pageDate(page)).to.equal('2026-05-13');
      });

      it('a Japanese page wrapped by characters: keeps the title, drops its date row', () => {
        const title = '日米韓防衛相会談共同声明';
        const body = [
          '１１月１４日、防衛大臣は、ワシントンにおいて、米国防長官及び韓国国防部長',
          '官と日米韓防衛相会談を行い、地域の安全保障環境及び日米韓の安全保障協力の',
          '進展について議論した。',
          '３大臣は、北朝鮮による弾道ミサイルの発射が累次の国連安全保障理事会決議に',
          '違反するものであることを強く非難した。',
          '３大臣は、来年再び会合することで一致した。',
        ];
        const page = [title, '令和7年11月14日', ...body].join('\n');
        expect(lines(extractStatementBody(page))).to.deep.equal([title, ...body]);
        expect(pageDate(page)).to.equal('2025-11-14');
      });

      // The page reader reads where a wrapped line ends its paragraph as the splitter does (paragraphStarts in wrap.ts).
      it('a title whose " - " subtitle the wrap carried over onto the next line: keeps both lines as the title', () => {
        // "… (SPD) - 우주상황인식 …" wrapped at 70 columns: the dash and its space no longer fit on the first line.
        const title = ['제10차 한미 국방우주정책대화 공동보도문 한미 우주협력 강화 방안 (SPD)', '- 우주상황인식 정보 공유 확대'];
        for (const page of [['본문 바로가기', '국방부', '보도자료', ...title, '작성일 2025-11-14', '조회수 123', ...koBody, '첨부파일', '목록'], [...title, ...koBody]]) {
          const out = lines(extractStatementBody(page.join('\n')));
          expect(out).to.deep.equal([...title, ...koBody]);
        }
      });

      it('a title wrapped over two lines over a date row: keeps its short last line ("Consultative Group"), no heading of the body', () => {
        const title = ['Joint Statement on the Fifth Meeting of the U.S.-ROK Nuclear', 'Consultative Group'];
        const page = ['Skip to main content', 'Home', 'News', 'RELEASE', ...title, 'Nov. 14, 2025', ...enBody, 'Related Releases', 'Nov. 10, 2025', 'Secretary Travels to the Indo-Pacific'];
        expect(lines(extractStatementBody(page.join('\n')))).to.deep.equal([...title, ...enBody]);
      });
    });

    it('drops a ministry release\'s attachment and contact lines after the body', () => {
      const body = ['한미 우주정책 실무그룹 제4차 회의 결과', '', '한미는 2026년 5월 12일 서울에서 한미 우주정책 실무그룹 제4차 회의를 개최하였다.', '', '양측은 2027년 워싱턴에서 제5차 회의를 개최하기로 하였다.'];
      for (const tail of ['붙임 : 공동언론보도문 영문본 1부.  끝.', '붙임 1. 공동언론보도문(영문)', '붙임： 영문본']) {
        expect(extractStatementBody([...body, '', tail, '담당 : 국방정책실 국제정책관실'].join('\n')), tail).to.equal(body.join('\n'));
      }
    });

    it('returns text without any sentence-like line unchanged', () => {
      expect(extractStatementBody('Home\nMenu\nSearch')).to.equal('Home\nMenu\nSearch');
    });
  });
});

describe('core/boilerplate #pageDate', () => {
  const cases: [string, string, string | null][] = [
    ['a date row above the title', 'Home | News | Releases\nNov. 14, 2025\nJoint Statement on the Ninth Space Policy Dialogue\nThe two sides met in Seoul on November 13, 2025.', '2025-11-14'],
    ['a labelled Korean board row', '홈 > 알림마당 > 보도자료\n작성일 2025-11-14\n제9차 한미 국방우주정책대화 개최\n□ 국방부는 11월 13일 회의를 개최하였다.', '2025-11-14'],
    ['a US page row, month first', 'U.S. Department of Defense\n06/11/2022 | Press release | Archived content\nReadout of the meeting', '2022-06-11'],
    ['a date among the fields of a byline row', 'By U.S. Embassy Seoul | 26 June, 2025 | Topics: News, Press Releases\nThe two sides met.', '2025-06-26'],
    ['a WordPress byline row', 'Joint Statement on the Energy Security Dialogue\nPosted on March 12, 2026 by U.S. Embassy Seoul\nThe two sides met in Seoul on March 11, 2026.', '2026-03-12'],
    ['a Japanese date row', '2025年11月14日\n日米韓防衛相会談の開催について', '2025-11-14'],
    ['a dateline opening the first paragraph', 'SEOUL, Nov. 13, 2025 - The Republic of Korea and the United States held the ninth dialogue today.', '2025-11-13'],
    ['only a date the statement mentions', 'The two sides met in Seoul on November 13, 2025, and agreed to meet again in 2026.', null],
    ['only an event date in a list item', '□ 행사 개요\nㅇ 일시 : 2025. 11. 13.(목)\nㅇ 장소 : 서울', null],
    ['a date row without its year', 'News | Nov. 14\nJoint Statement', null],
    ['no such day', 'Home\n2025-02-30\nJoint Statement', null],
  ];
  for (const [what, text, want] of cases) it(`${what} → ${want}`, () => expect(pageDate(text)).to.equal(want));
});

describe('core/boilerplate #pageDate, page by page', () => {
  const page = (...lines: string[]) => lines.join('\n');

  describe('a body line that starts with a date is no date row', () => {
    it('in a hard-wrapped text, the line a sentence wraps onto ("August 18, 2023, and reaffirmed that the")', () => {
      const text = page(
        'U.S. Embassy & Consulate in the Republic of Korea',
        '',
        'Joint Statement on Trilateral Defense Cooperation',
        '',
        'The Secretary of Defense of the United States,',
        'the Minister of National Defense of the',
        'Republic of Korea, and the Minister of Defense',
        'of Japan met in Tokyo to mark the anniversary',
        'of the Camp David Summit held on',
        'August 18, 2023, and reaffirmed that the',
        'trilateral partnership remains essential to',
        'peace and stability in the Indo-Pacific.',
        '',
        'The three ministers welcomed the launch of a',
        'multi-year trilateral exercise plan and',
        'committed to expanding real-time sharing of',
        'missile warning data among the three nations.',
      );
      expect(pageDate(text)).to.equal(null);
    });

    it('in a hard-wrapped text, a line of a paragraph extractStatementBody keeps as body, whatever word the line above ends on', () => {
      const text = page(
        'U.S. Embassy & Consulate in the Republic of Korea',
        '',
        'Joint Statement on Trilateral Defense Cooperation',
        '',
        'The Secretary of Defense of the United States,',
        'the Minister of National Defense of the',
        'Republic of Korea, and the Minister of Defense',
        'of Japan recalled the trilateral summit held',
        'August 18, 2023 at Camp David',
        'and reaffirmed that their partnership remains',
        'essential to peace in the Indo-Pacific.',
        '',
        'The three ministers welcomed the launch of a',
        'multi-year trilateral exercise plan and',
        'committed to expanding real-time sharing of',
        'missile warning data among the three nations.',
      );
      expect(extractStatementBody(text)).to.include('August 18, 2023 at Camp David');
      expect(pageDate(text)).to.equal(null);
    });

    it('in a web page with one wrapped paragraph: the line above runs on into the date, and the footer row dates the page', () => {
      const text = page(
        'U.S. Department of Defense',
        'Search',
        'Home',
        'News',
        'Spotlights',
        'About',
        'Home : Newsroom : Releases : Release',
        'IMMEDIATE RELEASE',
        'Statement by the Pentagon Press Secretary on the Trilateral Ministerial Meeting',
        'The Secretary of Defense met today with the Minister of National Defense of the Republic of Korea and the Minister of Defense of Japan, recalling the summit the three leaders held at Camp David on',
        'August 18, 2023.',
        'The ministers agreed to hold the next trilateral exercise in the first half of next year and to expand real-time sharing of missile warning data.',
        'Posted: Nov. 14, 2025',
        'Related Releases',
        'Nov. 13, 2025',
        'Contracts For Nov. 13, 2025',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });

    it('a sentence that opens with a date ("November 14, 2025, marks the 70th anniversary")', () => {
      const text = page(
        'Home | News & Events | Statements',
        'Statement on the Anniversary of the Alliance',
        'November 14, 2025, marks the 70th anniversary',
        'The United States and the Republic of Korea have stood together through seven decades of challenge and change.',
      );
      expect(pageDate(text)).to.equal(null);
    });

    it('in a Korean text: a line after one ending in a particle (…를) is the same sentence', () => {
      const text = page(
        '국방부',
        '홈 > 알림마당 > 보도자료',
        '제57차 한미안보협의회의 개최 결과',
        '',
        '□ 국방부장관과 미국 국방장관은 제57차 한미안보협의회의(SCM)를',
        '2025년 11월 4일 서울에서',
        '개최하고 연합방위태세와 확장억제 강화 방안을 논의하였다.',
        '□ 양측은 차기 회의를 2026년 워싱턴에서 개최하기로 합의하였다.',
        '',
        '담당부서 국제정책관실 | 작성일 2025-11-05',
        '목록',
      );
      expect(pageDate(text)).to.equal('2025-11-05');
    });

    it('takes the date row between the title and a hard-wrapped body, which extractStatementBody drops', () => {
      const body = [
        'The United States and the Republic of Korea held the tenth Space Policy',
        'Dialogue in Seoul on November 13, shared their assessments of threats in the',
        'space domain, and reviewed the progress the Alliance has made in space',
        'cooperation over the past year.',
        'The two sides agreed to hold the eleventh dialogue in Washington in 2026.',
      ];
      expect(pageDate(page('Joint Statement on the Tenth U.S.-ROK Space Policy Dialogue', 'Nov. 14, 2025', ...body))).to.equal('2025-11-14');
      const ko = page(
        '제10차 한미 국방우주정책대화 공동보도문',
        '2025. 11. 14.',
        '한미 양국은 11월 13일 서울에서 제10차 한미 국방우주정책대화를 개최하고',
        '우주 영역에서의 위협 인식을 공유하는 한편 동맹의 우주 협력 성과를',
        '점검하였다.',
        '양측은 우주상황인식 정보의 실시간 공유 범위를 확대하기로 하고, 이를 위한',
        '기술적 절차를 내년 상반기까지 마련하기로 합의하였다.',
      );
      expect(pageDate(ko)).to.equal('2025-11-14');
      expect(extractStatementBody(ko).split('\n')).to.not.include('2025. 11. 14.');
    });

    it('still takes a date row right under a title that ends without a stop', () => {
      const text = page(
        'Joint Statement on the Ninth Space Policy Dialogue',
        'Nov. 14, 2025',
        'The United States and the Republic of Korea held the ninth Space Policy Dialogue in Seoul on November 13, 2025.',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });
  });

  describe('the date row nearest the statement wins over other releases listed above it', () => {
    it('a DoD page: the row between the title and the first paragraph, not the latest releases above', () => {
      const text = page(
        'U.S. Department of Defense',
        'Home : News : Releases',
        '',
        'Latest Releases',
        'Oct. 30, 2025',
        'Contracts For Oct. 30, 2025',
        'Oct. 29, 2025',
        'Secretary of Defense Announces Senior Leader Nominations',
        '',
        'Joint Communique of the 57th U.S.-ROK Security Consultative Meeting',
        'Nov. 4, 2025',
        '',
        "The 57th U.S.-Republic of Korea Security Consultative Meeting was held in Seoul on November 4, 2025, to review the Alliance's combined defense posture and to strengthen extended deterrence.",
        '',
        'The Secretary and the Minister reaffirmed their commitment to maintaining a robust combined defense posture on the Korean Peninsula.',
      );
      expect(pageDate(text)).to.equal('2025-11-04');
    });

    it('an embassy page: the row just above the title, not the recent posts above it', () => {
      const text = page(
        'U.S. Embassy & Consulate in the Republic of Korea',
        'Recent Posts',
        'Nov. 10, 2025 | Remarks by Ambassador at the Veterans Day Ceremony',
        'Nov. 7, 2025 | Visa Services Notice',
        '',
        'Nov. 14, 2025',
        'Joint Statement on the Ninth U.S.-ROK Space Policy Dialogue',
        'The United States and the Republic of Korea held the ninth Space Policy Dialogue in Seoul on November 13, 2025, and agreed to expand space situational awareness data sharing.',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });

    it('a Korean ministry page: the row under the title, not the recent posts above it', () => {
      const text = page(
        '국방부',
        '홈 > 알림마당 > 보도자료',
        '최근 게시물',
        '2025-10-28',
        '국방부, 국군의 날 기념행사 결과 발표',
        '2025-10-21',
        '2025 국방 정보화 세미나 개최',
        '',
        '제9차 한미 국방우주정책대화 개최',
        '작성일 2025-11-14',
        '□ 한미 양국은 11월 13일(목) 서울에서 제9차 국방우주정책대화를 개최하였다.',
        '□ 양측은 우주상황인식 정보 공유를 확대하기로 합의하였다.',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });
  });

  describe('an update date and a footer row do not date the statement', () => {
    it('an embassy page: its dateline, not the "Last Updated" row under the body', () => {
      const text = page(
        'U.S. Embassy & Consulate in the Republic of Korea',
        'Home | News & Events | Press Releases',
        'Joint Statement on the Sixth U.S.-ROK Maritime Security Dialogue',
        'SEOUL, Nov. 14, 2025 - The United States and the Republic of Korea held the sixth Maritime Security Dialogue in Busan today and reaffirmed their commitment to a free and open Indo-Pacific.',
        'The two sides agreed to hold the seventh dialogue in Honolulu next year.',
        'Last Updated: 12/01/2025',
        'Privacy Policy',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });

    it('a row that gives both: the publication date', () => {
      const text = page(
        'Readout of the Secretary of Defense Meeting With the Republic of Korea Minister of National Defense',
        'Published: Nov. 14, 2025 | Updated: Dec. 1, 2025',
        'The Secretary of Defense met with the Minister of National Defense at the Pentagon to discuss Alliance priorities ahead of the annual ministerial meeting.',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });

    it('a Japanese page: its publication date, not the update date above it (更新日)', () => {
      const text = page(
        'ホーム > 会見・発表・広報 > 報道発表',
        '更新日：2025年12月1日',
        '公開日：2025年11月14日',
        '日米韓外相会合の開催について',
        '11月13日、日米韓外相会合が開催され、３か国の外相は北朝鮮の核・ミサイル問題への対応について緊密に連携していくことで一致しました。',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });

    it('a Korean page: its date row, not the final-modification row (최종 수정일) or the footer', () => {
      const text = page(
        '국방부',
        '홈 > 알림마당 > 보도자료',
        '최종 수정일 2025-12-01',
        '제9차 한미 국방우주정책대화 개최',
        '등록일 2025-11-14',
        '□ 한미 양국은 11월 13일(목) 서울에서 제9차 국방우주정책대화를 개최하였다.',
        '□ 양측은 우주상황인식 정보 공유를 확대하기로 합의하였다.',
        '담당부서 국제정책관실 | 작성일 2025-11-15',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });

    it('a row before the body over one after it', () => {
      const text = page(
        'Posted: Nov. 14, 2025',
        'Joint Statement on the Ninth U.S.-ROK Space Policy Dialogue',
        'The United States and the Republic of Korea held the ninth Space Policy Dialogue in Seoul on November 13, 2025.',
        'Nov. 20, 2025',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });

    it('an update date when the page gives no other', () => {
      const text = page(
        'Joint Statement on the Ninth U.S.-ROK Space Policy Dialogue',
        'The United States and the Republic of Korea held the ninth Space Policy Dialogue in Seoul and agreed to meet again next year.',
        'Last Updated: 12/01/2025',
      );
      expect(pageDate(text)).to.equal('2025-12-01');
    });
  });

  it('reads a Korean government numeric date row with its stops ("2025. 11. 14.")', () => {
    const text = page(
      '외교부',
      '홈 > 언론·홍보 > 보도자료',
      '제9차 한미 국방우주정책대화 개최',
      '2025. 11. 14.',
      '□ 한미 양국은 11.13.(목) 서울에서 제9차 국방우주정책대화를 개최하였다.',
      '□ 양측은 우주상황인식 정보 공유를 확대하기로 합의하였다.',
    );
    expect(pageDate(text)).to.equal('2025-11-14');
    // The row is page furniture to the body too.
    expect(extractStatementBody(text).split('\n')).to.not.include('2025. 11. 14.');
  });

  describe('reads a Japanese era date row', () => {
    const mofa = (row: string) => page(
      'ホーム > 会見・発表・広報 > 報道発表',
      '日米韓外相会合の開催',
      row,
      '１　11月13日、日米韓外相会合が開催され、３か国の外相は地域の安全保障について意見交換を行いました。',
    );
    it('令和7年11月14日', () => expect(pageDate(mofa('令和7年11月14日'))).to.equal('2025-11-14'));
    it('in full-width digits (令和７年１１月１４日)', () => expect(pageDate(mofa('令和７年１１月１４日'))).to.equal('2025-11-14'));
    it('the first year of an era (令和元年5月1日) and the era before (平成31年4月26日)', () => {
      expect(pageDate(mofa('令和元年5月1日'))).to.equal('2019-05-01');
      expect(pageDate(mofa('平成31年4月26日'))).to.equal('2019-04-26');
    });
    it('the Western year with the era year in brackets (2025年（令和7年）11月14日), a row the body goes without', () => {
      expect(pageDate(mofa('2025年（令和7年）11月14日'))).to.equal('2025-11-14');
      expect(pageDate(mofa('2025年(令和7年)11月14日'))).to.equal('2025-11-14');
      expect(extractStatementBody(mofa('2025年（令和7年）11月14日'))).to.not.include('令和');
    });
  });

  describe('reads a timestamp row as pages print it in their meta lines', () => {
    const release = (row: string) => page(
      'Joint Statement on the Tenth U.S.-ROK Space Policy Dialogue',
      row,
      'The United States and the Republic of Korea held the tenth Space Policy Dialogue in Seoul on November 13, 2025.',
      'The two sides agreed to hold the eleventh dialogue in Washington in 2026.',
    );
    it('2025-11-14T10:30:00+09:00', () => {
      expect(pageDate(release('2025-11-14T10:30:00+09:00'))).to.equal('2025-11-14');
      expect(extractStatementBody(release('2025-11-14T10:30:00+09:00'))).to.not.include('2025-11-14T');
    });
    it('in UTC, with seconds and without (2025-11-14T01:30:00Z, 2025-11-14T10:30)', () => {
      expect(pageDate(release('2025-11-14T01:30:00Z'))).to.equal('2025-11-14');
      expect(pageDate(release('Published: 2025-11-14T10:30'))).to.equal('2025-11-14');
    });
  });

  describe('a labelled field giving the day of the event reported is no page date', () => {
    const body = ['조현 외교부 장관은 11월 13일 마르코 루비오 미국 국무장관과 회담을 갖고 한미동맹 현안에 대해 협의하였다.', '양 장관은 긴밀한 소통을 지속해 나가기로 하였다.'];
    it('the release date over it wins, though the field sits nearer the body', () => {
      expect(pageDate(page('보도자료', '2025. 11. 14.(금)', '일시: 2025년 11월 13일(목) 10:00', '한미 외교장관 회담 결과', ...body))).to.equal('2025-11-14');
      expect(pageDate(page('報道発表', '令和7年11月14日', '日時：2025年11月13日（木）10時', '日米外相会談の結果', '本日、外務大臣は、米国務長官と会談を行いました。'))).to.equal('2025-11-14');
    });
    it('alone, it dates nothing (일시, 일자, 기간)', () => {
      for (const field of ['일시: 2025년 11월 13일(목) 10:00', '일자 : 2025. 11. 13.(목)', '기간 2025. 11. 12. ~ 2025. 11. 13.']) {
        expect(pageDate(page('보도자료', field, '한미 외교장관 회담 결과', ...body)), field).to.equal(null);
      }
    });
    it('a date row labelled as the page\'s own (작성일, 등록일자) still dates it', () => {
      expect(pageDate(page('보도자료', '등록일자 2025-11-14', '한미 외교장관 회담 결과', ...body))).to.equal('2025-11-14');
    });
  });

  describe('a date row that is no day of the calendar gives no date', () => {
    it('Nov. 31, 2025', () => {
      expect(pageDate(page('Nov. 31, 2025', 'Joint Statement on the Ninth U.S.-ROK Space Policy Dialogue', 'The two sides met in Seoul and agreed to meet again next year.'))).to.equal(null);
    });
    it('2025년 2월 30일, in a Korean row', () => {
      expect(pageDate(page('제9차 한미 국방우주정책대화 개최', '2025년 2월 30일', '□ 한미 양국은 서울에서 제9차 국방우주정책대화를 개최하였다.'))).to.equal(null);
    });
    it('and the dateline dates the page instead', () => {
      const text = page(
        'Nov. 31, 2025',
        'Joint Statement on the Ninth U.S.-ROK Space Policy Dialogue',
        'SEOUL, Nov. 13, 2025 - The United States and the Republic of Korea held the ninth Space Policy Dialogue today.',
      );
      expect(pageDate(text)).to.equal('2025-11-13');
    });
  });

  describe('a far-future year is no page date (after 2100)', () => {
    it('Nov. 14, 2104', () => {
      expect(pageDate(page('Nov. 14, 2104', 'Joint Statement on the Ninth U.S.-ROK Space Policy Dialogue', 'The two sides met in Seoul and agreed to meet again next year.'))).to.equal(null);
    });
    it('and a plausible row dates the page instead', () => {
      const text = page(
        '작성일 2104-11-14',
        '제9차 한미 국방우주정책대화 개최',
        '2025. 11. 14.',
        '□ 한미 양국은 11월 13일(목) 서울에서 제9차 국방우주정책대화를 개최하였다.',
      );
      expect(pageDate(text)).to.equal('2025-11-14');
    });
  });
});
