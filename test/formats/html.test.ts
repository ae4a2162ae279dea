import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToLines, htmlToText } from '../../server/formats/html.ts';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/formats');

describe('formats/html', () => {
  describe('#htmlToText', () => {
    it('keeps the title, headings and body of a government page and drops its chrome', () => {
      const html = readFileSync(path.join(fixtures, 'embassy-page.html'), 'utf8');
      expect(htmlToText(html).split('\n')).to.deep.equal([
        'Joint Statement on the U.S.-ROK Space Policy Dialogue',
        '',
        'The United States and the Republic of Korea held the third Space Policy Dialogue in Seoul on May 9, 2024, reaffirming the importance of responsible behavior in outer space.',
        '',
        'The two sides discussed cooperation on space situational awareness, satellite navigation, and the “Artemis” program, and agreed to exchange views on norms & principles.',
        '',
        'Next steps',
        '',
        'Both sides agreed to hold the fourth dialogue in Washington in 2025.',
        'Working-level consultations will continue in the interim.',
      ]);
    });

    it('keeps the title and byline of a <header> inside the article, and drops the site header around it', () => {
      // WordPress themes put the h1 title and the "Posted on … by …" row in <header class="entry-header">.
      const html = readFileSync(path.join(fixtures, 'wordpress-embassy-page.html'), 'utf8');
      const lines = htmlToLines(html).split('\n');
      expect(lines.slice(0, 3)).to.deep.equal([
        'Joint Statement on the U.S.-ROK Energy Security Dialogue',
        '',
        'Posted on March 12, 2026 by U.S. Embassy Seoul',
      ]);
      // The site's own header (name, menu), outside the article, is still furniture; so is the article's footer.
      expect(lines.join('\n')).not.to.match(/Skip to content|Consulate in the Republic of Korea|News & Events|Posted in|Recent Posts/);
      expect(htmlToText(html).split('\n')).to.deep.equal([
        'Joint Statement on the U.S.-ROK Energy Security Dialogue',
        '',
        'The United States and the Republic of Korea held the fourth Energy Security Dialogue in Seoul on March 11, 2026, and reaffirmed their commitment to resilient energy supply chains.',
        '',
        'The two sides discussed cooperation on civil nuclear energy, liquefied natural gas and critical minerals, and agreed to launch a working group on grid security.',
        '',
        'Both delegations welcomed progress on small modular reactor projects in third countries.',
      ]);
      // role="main" marks the content as <main> does; a menu in the statement's header is still a menu.
      const roleMain =
        '<header><a>홈</a> <a>대사관 소개</a> <a>공지사항</a></header>' +
        '<div role="main"><header><h2>한미 에너지안보대화 공동성명</h2><nav><a>인쇄</a> <a>공유</a></nav></header>' +
        '<p>한미 양국은 2026년 3월 11일 서울에서 제4차 에너지안보대화를 개최하고 에너지 공급망 협력을 재확인하였다.</p></div>';
      expect(htmlToLines(roleMain).split('\n')).to.deep.equal([
        '한미 에너지안보대화 공동성명',
        '',
        '한미 양국은 2026년 3월 11일 서울에서 제4차 에너지안보대화를 개최하고 에너지 공급망 협력을 재확인하였다.',
      ]);
    });

    it('keeps a heading wrapped with <br> whole, as one title line (English and Korean)', () => {
      expect(htmlToText('<body><nav>Home | News</nav><h1>Joint Statement<br>on the Trade Dialogue</h1><p>The United States and the Republic of Korea held the third Trade Dialogue in Seoul on March 3, 2026.</p><p>The two sides agreed to expand cooperation on supply chains.</p></body>').split('\n')[0])
        .to.equal('Joint Statement on the Trade Dialogue');
      expect(htmlToText('<body><h1>한미 무역대화<br/>공동성명</h1><p>한미 양국은 2026년 3월 3일 서울에서 제3차 무역대화를 개최하였다.</p><p>양측은 공급망 협력을 확대하기로 합의하였다.</p></body>').split('\n')[0])
        .to.equal('한미 무역대화 공동성명');
      // Outside a heading a <br> still ends a line.
      expect(htmlToLines('<p>Seoul, March 3, 2026<br>The two sides met in Seoul and agreed to meet again.</p>').split('\n')).to.have.length(2);
    });

    it('reads <br><br> as the paragraph break where a page uses it, and a single <br> there as a wrap', async () => {
      const html = `<html><body><div class="gnb"><ul><li>대사관 소개</li><li>알림</li></ul></div>
        <div class="view_content">
        외교부 제2차관은 3월 10일(화) 서울에서 주한 호주대사를 접견하고 양국 간 핵심광물 협력 방안을 논의하였다.<br><br>
        양측은 지난해 체결된 공급망 협력 약정의 이행 현황을 점검하고,<br>
        올해 하반기 중 제2차 공급망 대화를 캔버라에서 개최하기로 하였다.<br><br>
        차관은 다음 분야에서의 협력 확대를 제안하였다.<br>
        &nbsp;ㅇ 이차전지 소재 공동 투자<br>
        &nbsp;ㅇ 재생에너지 연계 정제시설 구축<br>
        1. 연구인력 교류 확대<br><br>
        대사는 한국 측 제안을 본국 정부에 전달하겠다고 하였다. 끝.
        </div></body></html>`;
      const { splitParagraphs } = await import('../../server/core/segment.ts');
      expect(splitParagraphs(htmlToText(html), 'ko').map((p) => p.text)).to.deep.equal([
        '외교부 제2차관은 3월 10일(화) 서울에서 주한 호주대사를 접견하고 양국 간 핵심광물 협력 방안을 논의하였다.',
        '양측은 지난해 체결된 공급망 협력 약정의 이행 현황을 점검하고, 올해 하반기 중 제2차 공급망 대화를 캔버라에서 개최하기로 하였다.',
        '차관은 다음 분야에서의 협력 확대를 제안하였다.',
        'ㅇ 이차전지 소재 공동 투자',
        'ㅇ 재생에너지 연계 정제시설 구축',
        '1. 연구인력 교류 확대',
        '대사는 한국 측 제안을 본국 정부에 전달하겠다고 하였다.',
      ]);
    });

    it('keeps a single <br> a line break where the page, or the block it is in, never doubles it', () => {
      const html =
        '<div class="content">The two ministers met in Seoul on March 10, 2026.<br>' +
        'They reviewed the implementation of the supply chain arrangement.<br>' +
        'The next dialogue will be held in Canberra.</div>' +
        '<div class="contact">Media contact: press office<br><br>Phone: 02-0000-0000</div>';
      expect(htmlToLines(html).split('\n')).to.deep.equal([
        'The two ministers met in Seoul on March 10, 2026.',
        'They reviewed the implementation of the supply chain arrangement.',
        'The next dialogue will be held in Canberra.',
        'Media contact: press office',
        '',
        'Phone: 02-0000-0000',
      ]);
    });

    it('decodes entities and collapses source whitespace inside a block', () => {
      const html = '<div><p>양측은&nbsp;&lsquo;한반도&rsquo;의\n   평화와 안정을 위해 &#44596;밀히 협력하기로 했다.</p></div>';
      expect(htmlToText(html)).to.equal('양측은 ‘한반도’의 평화와 안정을 위해 긴밀히 협력하기로 했다.');
    });

    it('drops elements whose class, id or role marks navigation, sharing or footers', () => {
      const html = [
        '<div id="gnbMenu"><a>국방부 소개</a></div>',
        '<div role="navigation"><a>Home</a></div>',
        '<ul class="snsShare"><li>페이스북</li></ul>',
        '<div class="content"><p>The two delegations reviewed the implementation of the roadmap agreed at the last meeting.</p></div>',
        '<div class="relatedNews"><p>Another release about an unrelated visit by a different delegation to the region.</p></div>',
        '<div id="footer-wrap"><p>All rights reserved.</p></div>',
      ].join('');
      expect(htmlToText(html)).to.equal('The two delegations reviewed the implementation of the roadmap agreed at the last meeting.');
    });

    it('keeps a statement inside a print area and drops the menus and footer around it', () => {
      const html = `<html><body>
        <table><tr><td class="top_util"><a>로그인</a> | <a>회원가입</a> | <a>사이트맵</a></td></tr>
        <tr><td id="gnb"><a>기관소개</a> <a>정책정보</a> <a>알림소식</a></td></tr></table>
        <div class="lnbWrap"><ul><li>공지사항</li><li>보도자료</li><li>행사소식</li></ul></div>
        <div id="printArea">
          <h3>한-캐나다 국방협력 약정 서명</h3>
          <p>□ 한국과 캐나다 국방부는 2026년 4월 8일 오타와에서 국방협력 약정에 서명하였다.</p>
          <p>ㅇ 양측은 방산 공급망과 북극 해역 협력을 확대하기로 하였다.</p>
        </div>
        <div class="btn_print"><a>인쇄</a></div>
        <div id="footerWrap"><p>(04383) 서울특별시 용산구 이태원로 22</p><p>Copyright(c) 2026. All rights reserved.</p></div>
      </body></html>`;
      expect(htmlToText(html)).to.equal(
        '한-캐나다 국방협력 약정 서명\n\n□ 한국과 캐나다 국방부는 2026년 4월 8일 오타와에서 국방협력 약정에 서명하였다.\n\nㅇ 양측은 방산 공급망과 북극 해역 협력을 확대하기로 하였다.',
      );
    });

    it('never takes the page itself, or a wrapper holding most of its text, for chrome', () => {
      const statement =
        '<h1>Joint Statement on the Critical Minerals Partnership</h1>' +
        '<p>The United States and the Republic of Korea signed a memorandum on critical minerals in Seoul on April 2, 2026.</p>' +
        '<p>Both sides will coordinate stockpiles and invest in processing capacity in third countries.</p>';
      const expected =
        'Joint Statement on the Critical Minerals Partnership\n\n' +
        'The United States and the Republic of Korea signed a memorandum on critical minerals in Seoul on April 2, 2026.\n\n' +
        'Both sides will coordinate stockpiles and invest in processing capacity in third countries.';
      const sidebar = '<div class="widget-sidebar"><ul><li>Recent releases</li><li>Archives</li></ul></div>';
      // WordPress marks the <body> of any page with a sidebar; themes name their wrappers after layouts.
      expect(htmlToText(`<html><body class="single-post has-sidebar"><div class="entry">${statement}</div>${sidebar}</body></html>`)).to.equal(expected);
      expect(htmlToText(`<html><body><div id="main" class="container social-layout">${statement}</div>${sidebar}</body></html>`)).to.equal(expected);
      // ASP.NET wraps the whole page in one <form>.
      expect(htmlToText(`<html><body><form id="aspnetForm"><div class="topMenu">Home | Newsroom</div>${statement}</form></body></html>`)).to.equal(expected);
    });

    it('matches chrome words whole, not as the start of another word', () => {
      const html =
        '<div class="navy-release"><p>The two navies will hold a combined maritime exercise off Busan in June 2026.</p></div>' +
        '<div class="sharing-tools"><a>Share</a></div>' +
        '<div class="printable"><p>Both sides will review the exercise at the next staff talks in Washington.</p></div>';
      expect(htmlToText(html)).to.equal(
        'The two navies will hold a combined maritime exercise off Busan in June 2026.\n\n' +
          'Both sides will review the exercise at the next staff talks in Washington.',
      );
    });

    it('reduces a Korean ministry view page (table rows, attachment links, prev/next) to title and bullets', () => {
      const html = `<html><body>
        <div id="skipNav"><a href="#content">본문 바로가기</a></div>
        <div class="gnb"><ul><li>국방부 소개</li><li>국방소식</li></ul></div>
        <div class="location">홈 &gt; 국방소식 &gt; 보도자료</div>
        <div id="content">
          <h3>보도자료</h3>
          <table class="board-view">
            <tr><th colspan="2">한미 국방정책실무회의 결과</th></tr>
            <tr><th>작성자</th><td>국방정책과</td></tr>
            <tr><th>작성일</th><td>2024-02-01</td></tr>
            <tr><th>첨부파일</th><td><a>보도자료.hwpx</a> <a>미리보기</a> <a>다운로드</a></td></tr>
          </table>
          <div class="view-content">
            <p>한미 국방정책실무회의 결과</p>
            <p>□ 한미는 2024년 2월 1일 서울에서 국방정책실무회의를 개최하였다.</p>
            <p>ㅇ 양측은 연합방위태세를 점검하고 협력 방안을 논의하였다.</p>
          </div>
          <div class="btn-print"><button>인쇄하기</button></div>
          <ul class="prev-next"><li>이전글 국방부, 설 연휴 장병 안전 점검</li><li>다음글 장관, 부대 현장 방문</li></ul>
        </div>
        <div id="footer"><p>(04383) 서울특별시 용산구 이태원로 22</p></div>
      </body></html>`;
      expect(htmlToText(html)).to.equal(
        '한미 국방정책실무회의 결과\n\n□ 한미는 2024년 2월 1일 서울에서 국방정책실무회의를 개최하였다.\n\nㅇ 양측은 연합방위태세를 점검하고 협력 방안을 논의하였다.',
      );
    });

    it('makes each list item a paragraph, and keeps the list and the lines after it', async () => {
      const html =
        '<html><body><ul class="menu"><li>대사관</li><li>영사 서비스</li></ul><div class="contents">' +
        '<h2>한-영 다우닝가 합의 공동성명</h2><p class="date">2026.02.17</p>' +
        '<p>이재명 대통령과 키어 스타머 총리는 2026년 2월 17일 다우닝가 10번지에서 회담하였다.</p>' +
        '<p>합의는 다음 분야의 협력을 규정한다.</p>' +
        '<ul><li>새로운 2+2 대화를 포함한 국방·안보</li><li>12억 파운드 공동 투자를 통한 청정에너지</li><li>과학기술, 인공지능(AI) 및 반도체</li></ul>' +
        '<p>양 정상은 서울에서 개최될 다음 회담에서 진전 상황을 점검할 예정이다.</p></div>' +
        '<div class="footer">Copyright (c) 2026 주영국 대한민국 대사관. All Rights Reserved.</div></body></html>';
      const { splitParagraphs } = await import('../../server/core/segment.ts');
      expect(splitParagraphs(htmlToText(html), 'ko').map((p) => p.text)).to.deep.equal([
        '한-영 다우닝가 합의 공동성명',
        '이재명 대통령과 키어 스타머 총리는 2026년 2월 17일 다우닝가 10번지에서 회담하였다.',
        '합의는 다음 분야의 협력을 규정한다.',
        '새로운 2+2 대화를 포함한 국방·안보',
        '12억 파운드 공동 투자를 통한 청정에너지',
        '과학기술, 인공지능(AI) 및 반도체',
        '양 정상은 서울에서 개최될 다음 회담에서 진전 상황을 점검할 예정이다.',
      ]);
    });

    it('keeps table cells of one row on one line', () => {
      const html =
        '<p>The two sides agreed on the following schedule for working-level meetings in the coming year.</p>' +
        '<table><tr><td>March</td><td>Seoul</td></tr><tr><td>September</td><td>Washington</td></tr></table>' +
        '<p>Both sides will review the results of these meetings at the next annual dialogue.</p>';
      expect(htmlToText(html)).to.equal(
        'The two sides agreed on the following schedule for working-level meetings in the coming year.\n\n' +
          'March Seoul\nSeptember Washington\n\n' +
          'Both sides will review the results of these meetings at the next annual dialogue.',
      );
    });
  });
});
