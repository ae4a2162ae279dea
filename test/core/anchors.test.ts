// Tests for server/core/anchors.ts.
import { expect } from 'chai';
import { extractAnchors, nameSkeleton, romanize } from '../../server/core/anchors.ts';

const show = (text: string, lang: string) => extractAnchors(text, lang).map((a) => `${a.kind}:${a.value}`);

describe('core/anchors', () => {
  describe('#extractAnchors numbers', () => {
    const cases: [string, string, string[]][] = [
      ['예산은 1조 5,192억 원이다.', 'ko', ['number:1519200000000']],
      ['a contribution of KRW 1.5192 trillion', 'en', ['acronym:KRW', 'number:1519200000000']],
      ['총 1억1천만 달러 규모', 'ko', ['number:110000000']],
      ['the $110 million program', 'en', ['number:110000000']],
      ['병력 2만 8,500명', 'ko', ['number:28500']],
      ['28,500 troops', 'en', ['number:28500']],
      ['two million doses', 'en', ['number:2000000']],
      // Cardinals of twenty and more written out, as speeches write them and Korean does not (56명, 255년).
      ['Two hundred fifty-five years ago, fifty-six delegates signed it.', 'en', ['number:255', 'number:56']],
      ['one hundred and twenty students, seventy years of alliance', 'en', ['number:120', 'number:70']],
      ['seventy million people, forty-five thousand troops', 'en', ['number:70000000', 'number:45000']],
      // Not an ordinal or a scale written out, a percentage, a word that goes on after a hyphen, or below twenty.
      ['the twenty-first century, twenty million doses, twenty percent, twenty-somethings, the two leaders, seven soldiers', 'en', ['ordinal:21', 'number:20000000']],
      // Hundreds with a unit, a teen or a scale, "a hundred", tens without a hyphen, and before "-year".
      ['two hundred million, three hundred and five, a hundred and fifty, one hundred twelve, seventy five, a ninety-nine-year lease', 'en', ['number:200000000', 'number:305', 'number:150', 'number:112', 'number:75', 'number:99']],
      ['an increase of 3.5 percent', 'en', ['percent:3.5']],
      ['3.5% 증가', 'ko', ['percent:3.5']],
      ['1.5 kilometers', 'en', ['number:1.5']],
      // Full-width digits, as Japanese (and some Korean) releases write them.
      ['閣僚は２０２６年３月４日に第４回会合を開催し、１，２００名が参加した。', 'ja', ['date:2026-03-04', 'ordinal:4', 'number:1200']],
      ['병력 ２만 ８，５００명', 'ko', ['number:28500']],
      // Full-width Latin letters too, as Japanese releases write acronyms.
      ['同盟国はＳＭ－３とＮＣＧについて協議した。', 'ja', ['acronym:SM', 'number:3', 'acronym:NCG']],
      // Numbers in kanji before a counter, ordinals with 第, and era years, as Japanese releases write them.
      ['三か国は百五十名を訓練し、十億ドルを拠出する。', 'ja', ['number:3', 'number:150', 'number:1000000000']],
      ['第三回日米韓外相会合', 'ja', ['ordinal:3']],
      // A count after 約, 計, 年間 or 最大 (kanji themselves) is still a count, and 千 after a digit belongs to
      // the digits' number (5万5千 is 55,000, not 5, 5 and a thousand).
      ['約5万5千人が駐留し、年間四十機を整備し、約三千人と計五隻、最大二十発が参加した。', 'ja', ['number:55000', 'number:40', 'number:3000', 'number:5', 'number:20']],
      ['会合は令和6年（2024年）7月28日に開催された。', 'ja', ['date:2024-07-28']],
      ['会合は2024年（令和6年）7月28日に開催された。', 'ja', ['date:2024-07-28']],
      ['令和元年の合意', 'ja', ['year:2019']],
      // 一 alone, and kanji inside words, are no numbers (a further step, unification, the three parties, a quarter).
      ['一層の協力、南北統一、三者協議、四半期ごとの会合', 'ja', []],
      // 数十人 is dozens of people, no ten.
      ['数十人の職員と数百万ドル', 'ja', []],
    ];
    for (const [text, lang, want] of cases) it(text, () => expect(show(text, lang)).to.deep.equal(want));
  });

  describe('#extractAnchors dates, years and months', () => {
    const cases: [string, string, string[]][] = [
      ['on September 18, 2023', 'en', ['date:2023-09-18']],
      ['2023년 9월 18일 개최', 'ko', ['date:2023-09-18']],
      ['on June 26', 'en', ['date:--06-26']],
      ['6월 26일(목) 서울에서', 'ko', ['date:--06-26']],
      ['2023. 9. 18. 국방부', 'ko', ['date:2023-09-18']],
      ['9.18.(월) 개최', 'ko', ['date:--09-18']],
      ['held on 18 September 2023', 'en', ['date:2023-09-18']],
      ['since January 2025', 'en', ['month:1', 'year:2025']],
      ['지난 1월 회의', 'ko', ['month:1']],
      ['in 2026', 'en', ['year:2026']],
      // A year before a comma is a year; the start of "1,991" is no year.
      ['Since 1991, Korea has provided aid; 1,991 people', 'en', ['year:1991', 'number:1991']],
      ['2026년 상반기', 'ko', ['year:2026']],
      ['they may meet again', 'en', []],
      // A month that ends a sentence or a clause; "May" after a preposition or another month.
      ['Talks were held in September.', 'en', ['month:9']],
      ['(held in Sept.) They met in May.', 'en', ['month:9', 'month:5']],
      ['They will meet in April and May.', 'en', ['month:4', 'month:5']],
      ['The allies May decide; they may not.', 'en', []],
      ['양측은 4월과 5월에 만날 것이다.', 'ko', ['month:4', 'month:5']],
      // Clock times on the 12-hour clock (Korean and Japanese often leave a.m./p.m. to the context),
      // whichever way they are written; hours (시간) are no time.
      ['The talks began at 2 p.m. and ended at 4:30 pm; a 1:1 meeting followed.', 'en', ['time:02:00', 'time:04:30', 'number:1', 'number:1']],
      ['회담은 14:00에 시작하여 오후 4시 30분에 끝났다. 24시간 운영한다.', 'ko', ['time:02:00', 'time:04:30', 'number:24']],
      ['at 10 a.m. Secretary Austin spoke', 'en', ['time:10:00', 'name:stn']],
      ['between 2 and 4 p.m., then from 9:30 to 11 a.m.', 'en', ['time:02:00', 'time:04:00', 'time:09:30', 'time:11:00']],
      ['오후 2시부터 4시까지, 오전 10시 반에', 'ko', ['time:02:00', 'time:04:00', 'time:10:30']],
      ['閣僚は午後３時に会談し、午前10時30分に再び会談した。', 'ja', ['time:03:00', 'time:10:30']],
      // Both days of a range or a list are dates, whichever way it is written: the last day is no bare number.
      ['from Nov. 16-20, 2026', 'en', ['date:2026-11-16', 'date:2026-11-20']],
      ['between November 16 and 20, the ships', 'en', ['date:--11-16', 'date:--11-20']],
      ['해군은 11월 16일부터 20일까지 5일간', 'ko', ['date:--11-16', 'date:--11-20', 'number:5']],
      ['2026년 11월 16~20일', 'ko', ['date:2026-11-16', 'date:2026-11-20']],
      ['11月16日から20日まで', 'ja', ['date:--11-16', 'date:--11-20']],
      // Not a range: a count after "and", and seven days from a date.
      ['On November 16 and 20 ships joined', 'en', ['date:--11-16', 'number:20']],
      ['8월 5일부터 7일간', 'ko', ['date:--08-05', 'number:7']],
      // Nor a span of days after the first ("30일 이내", "10일 후", "3日以内"), a day the month has not, or a count for a year.
      ['6월 1일부터 30일 이내에 신청해야 한다.', 'ko', ['date:--06-01', 'number:30']],
      ['3월 2일부터 10일 후에', 'ko', ['date:--03-02', 'number:10']],
      ['4月1日から3日以内に', 'ja', ['date:--04-01', 'number:3']],
      ['April 30-31', 'en', ['date:--04-30', 'number:31']],
      ['Between March 3 and 5, 1500 troops', 'en', ['date:--03-03', 'date:--03-05', 'number:1500']],
      // Where two readings overlap, the first: May 3 to 5, then the month of June.
      ['May 3-5 June', 'en', ['date:--05-03', 'date:--05-05', 'month:6']],
    ];
    for (const [text, lang, want] of cases) it(text, () => expect(show(text, lang)).to.deep.equal(want));
  });

  describe('#extractAnchors ordinals and acronyms', () => {
    const cases: [string, string, string[]][] = [
      ['the 23rd meeting', 'en', ['ordinal:23']],
      ['제23차 회의', 'ko', ['ordinal:23']],
      ['the fifth meeting of the NCG', 'en', ['ordinal:5', 'acronym:NCG']],
      ['제5차 핵협의그룹(NCG) 회의', 'ko', ['ordinal:5', 'acronym:NCG']],
      ['the twenty-first session', 'en', ['ordinal:21']],
      ['다섯 번째 회의', 'ko', ['ordinal:5']],
      ['in the second half of 2025', 'en', ['year:2025']],
      ['U.S. and ROK OPCON transition', 'en', ['acronym:US', 'acronym:ROK', 'acronym:OPCON']],
      ['전시작전통제권(OPCON) 전환과 TTX', 'ko', ['acronym:OPCON', 'acronym:TTX']],
      // A heading's words in capitals are no acronyms; a date line in capitals is a date.
      ['MEDIA NOTE', 'en', []],
      ['OFFICE OF THE SPOKESPERSON', 'en', []],
      ['ROK-U.S. JOINT STATEMENT ON THE NCG', 'en', ['acronym:ROK', 'acronym:US', 'acronym:NCG']],
      ['JUNE 12, 2029', 'en', ['date:2029-06-12']],
      // A plural is the acronym a Korean text writes.
      ['launched ICBMs and tested UUVs', 'en', ['acronym:ICBM', 'acronym:UUV']],
      ['무인잠수정(UUV)과 ICBM을', 'ko', ['acronym:UUV', 'acronym:ICBM']],
      ['Secretary Austin III', 'en', ['name:stn']],
      // 제 as the last syllable of a word (과제 "task", 경제, 문제) opens no ordinal.
      ['과제 12건을 선정하였다', 'ko', ['number:12']],
      ['경제 제2차 협의와 문제 3건', 'ko', ['ordinal:2', 'number:3']],
      // Numbers of resolutions and orders run past four digits; they, and articles, are numbers as
      // English writes them ("Executive Order 14081", "Resolution 2397", "Article 5"), not ordinals.
      ['행정명령 제14081호와 결의 제2397호', 'ko', ['number:14081', 'number:2397']],
      ['조약 제4조 제2항에 따라', 'ko', ['number:4', 'number:2']],
      ['安保理決議第二三九七号及び第5条', 'ja', ['number:2397', 'number:5']],
      ['第三回会合', 'ja', ['ordinal:3']],
      ['제26차 회의', 'ko', ['ordinal:26']],
      // A law's article without 제 is no amount in trillions; an amount in trillions stays one.
      ['무역확장법 232조 관세와 예산 5조 원', 'ko', ['number:232', 'number:5000000000000']],
      // Not after a word that only ends like a law's name, nor before a currency; and 조/항 opening a word
      // (조선소, 항공여단) are no article or paragraph.
      ['정부는 불법 5조 원 규모의 자금을', 'ko', ['number:5000000000000']],
      ['가령 1조 원을 투자하면', 'ko', ['number:1000000000000']],
      ['제1항공여단과 제2조선소', 'ko', ['ordinal:1', 'ordinal:2']],
      // A capitalised word that is no surname does not hide the name after it; a spelling only a rarer
      // surname has, or one that is an English word, is a surname only before a Korean given name.
      ['National Assembly Speaker Woo Won Shik', 'en', ['name:woo nsk']],
      ['Governor Kim Dong Yeon', 'en', ['name:kim tn']],
      ['the Sun Valley Resort Hotel', 'en', []],
      ['In Top-down fashion', 'en', []],
      ['Minister Sun Kyung-ho', 'en', ['name:sun knh']],
      // A Roman numeral numbers an article, a phase or a part the way a digit does ("Article 5").
      ['under Article V of the Treaty', 'en', ['number:5']],
      ['Phase II of the plan and Title IV', 'en', ['number:2', 'number:4']],
      ['Chapter X, Part XIV, Section XX and Annex I', 'en', ['number:10', 'number:14', 'number:20', 'number:1']],
      ['Articles III and IV, and Articles XI, XII or XIX', 'en', ['number:3', 'number:4', 'number:11', 'number:12', 'number:19']],
      // Elsewhere a Roman numeral is no number: the pronoun, a regnal or papal name, a war.
      ['I said V and X, not IV', 'en', []],
      ['Henry VIII and Pope Leo XIV after World War II', 'en', []],
      // Not a numeral after the keyword: a word, a letter grade, beyond XX.
      ['Article IVa and Part XXI', 'en', []],
      // Only after the capitalised word: "the part I played" holds the pronoun.
      ['the part I played in phase II', 'en', []],
    ];
    for (const [text, lang, want] of cases) it(text, () => expect(show(text, lang)).to.deep.equal(want));
  });

  describe('#extractAnchors names', () => {
    const names = (text: string, lang: string) => extractAnchors(text, lang).filter((a) => a.kind === 'name').map((a) => a.value.split(' '));
    it('gives a Korean name and its romanized English form a shared key', () => {
      const ko = names('이종섭 국방부 장관은 회담을 가졌다.', 'ko')[0]!;
      const en = names('Minister of National Defense Lee Jong-sup met today.', 'en')[0]!;
      expect(ko).to.include('lee').and.to.include('jnsp');
      expect(en).to.deep.equal(['lee', 'jnsp']);
    });
    it('reads the name a signature line gives after its title ("외교부 대변인 윤서진"), and only there', () => {
      expect(names('외교부 대변인 윤서진', 'ko')[0]).to.include.members(names('Spokesperson Yoon Seo-jin', 'en')[0]!);
      expect(names('국방부 장관 김영수', 'ko')[0]).to.include('kim');
      // Not a word of three syllables after a title in running text, nor after a line's end of a sentence.
      expect(names('양국 장관 회담에서 협력 확대에 합의하였다. 대변인 임명식', 'ko')).to.deep.equal([]);
      expect(names('외교부 대변인 논평', 'ko')).to.deep.equal([]);
      expect(names('신임 주한 대사 임명식', 'ko')).to.deep.equal([]);
    });
    it('tolerates surname spellings (Yi, Rhee, Choe, Bak)', () => {
      expect(names('Minister Yi Jong-sup', 'en')[0]![0]).to.equal('lee');
      expect(names('President Rhee Syngman', 'en')[0]![0]).to.equal('lee');
      expect(names('Minister Choe Son-hui', 'en')[0]![0]).to.equal('choi');
      expect(names('최선희 외무상', 'ko')[0]![0]).to.equal('choi');
      expect(names('Foreign Minister Bak Jin', 'en')[0]).to.deep.equal(names('박진 외교장관', 'ko')[0]!.slice(0, 2));
    });
    it('matches transliterated foreign names by consonant skeleton', () => {
      expect(names('오스틴 장관과', 'ko')[0]).to.include(names('Secretary Austin', 'en')[0]![0]);
      expect(names('블링컨 국무장관', 'ko')[0]).to.include(names('Secretary Blinken', 'en')[0]![0]);
      // A final "ds" or "ts" is written 즈 or 츠.
      expect(names('캐서린 레이놀즈 대사는', 'ko')[0]).to.include(names('said Ambassador Catherine Reynolds at', 'en')[0]![1]);
      expect(names('필즈 대사는', 'ko')[0]).to.include(names('Ambassador Fields said', 'en')[0]![0]);
    });
    it('finds a surname with a title only ("이 장관" ~ "Minister Lee")', () => {
      expect(names('오스틴 장관과 이 장관은', 'ko').map((k) => k.join(' '))).to.deep.equal(['oh stn', 'lee']);
      expect(names('Secretary Austin and Minister Lee agreed', 'en').map((k) => k.join(' '))).to.deep.equal(['stn', 'lee']);
    });
    it('finds a name before a military rank or an office written as one word with its head (소장, 북미국장), and after an English rank', () => {
      const key = (text: string, lang: string) => names(text, lang).map((k) => k.join(' '));
      expect(names('미측 위원장인 로버트 케슬러 소장은 말했다.', 'ko')[0]).to.include.members(names('said Maj. Gen. Robert Kessler, U.S. Chair', 'en')[0]!.slice(1));
      expect(names('한소연 외교부 북미국장은 밝혔다.', 'ko')[0]!.slice(0, 2)).to.deep.equal(names('Han So-yeon, Director-General', 'en')[0]);
      expect(names('조태용 국가안보실장은', 'ko')[0]![0]).to.equal('cho');
      // The office before a name ends it: the rank's name is the one word after "기뢰전대장".
      expect(key('해군 제5전단 기뢰전대장 정현우 대령은 말했다', 'ko')).to.deep.equal([key('Capt. Jung Hyun-woo, commander', 'en')[0] + ' jnhn']);
      expect(key('연합사 부사령관인 김철수 대장은', 'ko')).to.have.length(1);
      expect(key('연합사 부사령관인 김철수 대장은', 'ko')[0]).to.match(/^kim /);
      expect(names('said Capt. Michael Torres, commander', 'en')[0]).to.include('tls');
      expect(names('미 해군 제7기뢰대응전대장 마이클 토레스 대령은', 'ko')[0]).to.include('tls');
      // Ranks without a full stop (British English), a rank before a rank, a capital inside a name.
      expect(key('Lt Gen Kim Sung-ho said', 'en')).to.deep.equal(key('Lt. Gen. Kim Sung-ho said', 'en'));
      expect(key('Command Sgt. Maj. John Smith said', 'en')).to.have.length(1);
      expect(names('Gen. Paul LaCamera said', 'en')[0]).to.include('lkml');
      // Ranks before ranks are left to the last: "Lt. Gen." names no "Gen".
      expect(key('Lt. Gen. David Kim and Lt. Col. Sarah Park', 'en')).to.have.length(2);
    });
    it('takes no description before a rank or an office for a name, nor a word that only opens like a rank', () => {
      expect(names('회합에서 유엔 무기 사찰단장이 이라크 대표단을 만났다.', 'ko')).to.deep.equal([]);
      expect(names('상하이 관할 공안 보안국 부국장의 말을 인용해', 'ko')).to.deep.equal([]);
      expect(names('한미동맹의 중장기 발전 방향과 소장품 전시', 'ko')).to.deep.equal([]);
      expect(names('국가안보실장은 회의를 주재했다', 'ko')).to.deep.equal([]);
      expect(names('한미 대표단장은', 'ko')).to.deep.equal([]);
      // A two-syllable word opening with a surname is as often a noun: the army, active duty.
      expect(names('육군 소장은 말했다', 'ko')).to.deep.equal([]);
      expect(names('현역 대령 가운데', 'ko')).to.deep.equal([]);
      expect(names('주한미군 공보실장은', 'ko')).to.deep.equal([]);
    });
    it('does not take countries before a title for names', () => {
      expect(names('한국 국방장관', 'ko')).to.deep.equal([]);
    });
    it('does not take a ministry or agency before a title for a name, unlisted ones included', () => {
      expect(names('대한민국 해양수산부 장관은 부산항을 방문하였다.', 'ko')).to.deep.equal([]);
      expect(names('방위사업청 청장과 질병관리청장은', 'ko')).to.deep.equal([]);
      // The name before the ministry is still found; a three-syllable name ending in 부 is a name.
      expect(names('조규홍 보건복지부 장관은', 'ko')[0]![0]).to.equal('cho');
      expect(names('김정부 장관은', 'ko')[0]![0]).to.equal('kim');
    });
  });

  describe('#romanize / #nameSkeleton', () => {
    it('romanizes Hangul with the Revised Romanization', () => {
      expect(romanize('이종섭')).to.equal('ijongseop');
      // n before g is hyphenated, as the Revised Romanization allows, so it is not read as ng.
      expect(romanize('한국 NCG')).to.equal('han-guk NCG');
      expect(romanize('강국')).to.equal('gangguk');
    });
    it('maps spelling variants to one skeleton', () => {
      expect(nameSkeleton('Jong-sup')).to.equal(nameSkeleton('jongseop'));
      expect(nameSkeleton('Kyung')).to.equal(nameSkeleton('gyeong'));
      expect(nameSkeleton('Hayashi')).to.equal(nameSkeleton(romanize('하야시')));
      // 반기문 keeps the g of 기: Ban Ki-moon, not "Bang-imun".
      expect(nameSkeleton(romanize('반기문'))).to.equal(nameSkeleton('Ban Ki-moon'));
      expect(nameSkeleton(romanize('방이문'))).to.not.equal(nameSkeleton('Ban Ki-moon'));
    });
  });

  it('keeps full-width digits in the anchor text it reports', () => {
    const text = '第４回会合（２０２６年３月４日）';
    for (const a of extractAnchors(text, 'ja')) expect(a.text).to.equal(text.slice(a.start, a.end));
    expect(extractAnchors(text, 'ja').map((a) => a.text)).to.deep.equal(['第４', '２０２６年３月４日']);
  });

  it('reports offsets that slice back to the anchor text', () => {
    const text = '양측은 2025년 6월 26일 제5차 NCG 회의에서 1조 5,192억 원에 합의했다.';
    for (const a of extractAnchors(text, 'ko')) expect(text.slice(a.start, a.end)).to.equal(a.text);
  });
});
