//! Property tests: rendered numbers parse back to their values, the offset map sends every
//! logical character home, and no input panics.

use hedui::layout::Layout;
use hedui::lexicon::Lexicon;
use hedui::number::{numeral, scan_text};
use proptest::prelude::*;
use rust_decimal::Decimal;

const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Renders `n` (< 10^16) in Chinese numerals the way reports write them: 十二 not 一十二 at the
/// start, 零 for every run of zeros inside, and optionally 两 before 百/千/万/亿.
fn chinese(n: u64, liang: bool) -> String {
    if n == 0 {
        return "零".into();
    }
    // Groups of four digits, most significant first, with their group word.
    let groups = [
        (n / 1_0000_0000_0000 % 1_0000, "万"),
        (n / 1_0000_0000 % 1_0000, "亿"),
        (n / 1_0000 % 1_0000, "万"),
        (n % 1_0000, ""),
    ];
    let mut out = String::new();
    let mut pending_zero = false;
    let mut started = false;
    for (i, &(g, word)) in groups.iter().enumerate() {
        if g == 0 {
            if started {
                pending_zero = true;
            }
            // 万亿: the 亿 after an all-zero lower 亿 group still has to be said.
            if i == 1 && groups[0].0 != 0 {
                out.push('亿');
            }
            continue;
        }
        if started && (pending_zero || g < 1000) {
            out.push('零');
        }
        pending_zero = false;
        let mut said = group(g, !started, liang);
        if liang && said == "二" && !word.is_empty() {
            said = "两".into(); // 两万, 两亿
        }
        out.push_str(&said);
        out.push_str(word);
        started = true;
    }
    out
}

fn group(g: u64, leading: bool, liang: bool) -> String {
    let places = [(1000, '千'), (100, '百'), (10, '十'), (1, ' ')];
    let mut s = String::new();
    let mut zero = false;
    let mut any = false;
    for (p, word) in places {
        let d = (g / p % 10) as usize;
        if d == 0 {
            zero = any;
            continue;
        }
        if zero {
            s.push('零');
            zero = false;
        }
        let ten_alone = p == 10 && d == 1 && leading && !any;
        if !ten_alone {
            s.push(if liang && d == 2 && p >= 100 {
                '两'
            } else {
                DIGITS[d]
            });
        }
        if word != ' ' {
            s.push(word);
        }
        any = true;
    }
    s
}

#[test]
fn chinese_renderer_matches_known_forms() {
    assert_eq!(chinese(10003, false), "一万零三");
    assert_eq!(chinese(25_000_000, true), "两千五百万");
    assert_eq!(chinese(123_000, false), "十二万三千");
    assert_eq!(chinese(105, false), "一百零五");
    assert_eq!(chinese(110, false), "一百一十");
    assert_eq!(chinese(2_0000_0000_0000, true), "两万亿");
    assert_eq!(chinese(3_0005_0000, false), "三亿零五万");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any decimal below 10^16 written as digits with 万 or 亿 parses back to its value.
    #[test]
    fn arabic_with_scales_round_trip(mantissa in 0u64..10_000_000_000_000_000, decimals in 0u32..4, scale in 0usize..3) {
        let value = Decimal::new(mantissa as i64, decimals);
        let (word, factor) = [("", Decimal::ONE), ("万", Decimal::from(10_000)), ("亿", Decimal::from(100_000_000))][scale];
        let written = (value / factor).normalize();
        prop_assume!(written.scale() <= 12);
        let text = format!("共计{written}{word}件。");
        let qs = scan_text(&text, Lexicon::builtin());
        prop_assert_eq!(qs.len(), 1, "{}", text);
        prop_assert_eq!(qs[0].value, value, "{}", text);
        prop_assert!(qs[0].interval.contains(value));
    }

    /// Any integer below 10^16 written in Chinese numerals parses back, with 二 or 两.
    #[test]
    fn chinese_numerals_round_trip(n in 1u64..10_000_000_000_000_000, liang: bool) {
        let written = chinese(n, liang);
        let (rest, parsed) = numeral::chinese(&written).map_err(|e| TestCaseError::fail(format!("{written}: {e}")))?;
        prop_assert_eq!(rest, "");
        prop_assert_eq!(parsed.mantissa, Decimal::from(n), "{}", written);
        // In running text with a measure word, values of three and more are quantities.
        if n >= 3 {
            let text = format!("全年{written}人。");
            let qs = scan_text(&text, Lexicon::builtin());
            prop_assert_eq!(qs.len(), 1, "{}", text);
            prop_assert_eq!(qs[0].value, Decimal::from(n), "{}", text);
        }
    }

    /// Two significant digits with the last place word left off (`三千五`, `七万二`, `四亿六`)
    /// read as the next place down, as they are said.
    #[test]
    fn elided_tails_read_as_the_next_place(head in 1u64..10, tail in 1u64..10, place in 0usize..4, liang: bool) {
        let (word, factor) = [("百", 100u64), ("千", 1_000), ("万", 10_000), ("亿", 100_000_000)][place];
        let digit = |d: u64| if liang && d == 2 { '两' } else { DIGITS[d as usize] };
        let written = format!("{}{word}{}", digit(head), digit(tail));
        let (rest, parsed) = numeral::chinese(&written).map_err(|e| TestCaseError::fail(format!("{written}: {e}")))?;
        prop_assert_eq!(rest, "");
        prop_assert_eq!(parsed.mantissa, Decimal::from(head * factor + tail * factor / 10), "{}", written);
    }

    /// Any integer below 10^12 written with Arabic digits between 亿 and 万 (`5亿0001万2345`,
    /// `3万0400`) reads back, one quantity with its value.
    #[test]
    fn mixed_numerals_round_trip(n in 10_000u64..1_000_000_000_000) {
        let (yi, wan, ones) = (n / 100_000_000, n / 10_000 % 10_000, n % 10_000);
        let written = match (yi, wan) {
            (0, _) => format!("{wan}万{ones:04}"),
            (_, 0) => format!("{yi}亿零{ones}"),
            _ => format!("{yi}亿{wan}万{ones:04}"),
        };
        let text = format!("共计{written}人。");
        let qs = scan_text(&text, Lexicon::builtin());
        prop_assert_eq!(qs.len(), 1, "{}", text);
        prop_assert_eq!(qs[0].value, Decimal::from(n), "{}", text);
        prop_assert!(qs[0].interval.contains(Decimal::from(n)));
        prop_assert_eq!(&text[qs[0].span.clone()], format!("{written}人"));
    }

    /// Figures broken by the spaces and line breaks of PDF extraction: every quantity's span
    /// goes back to the original bytes it was read from, which hold the same text once the
    /// layout's spaces and breaks are taken out.
    #[test]
    fn spans_round_trip_through_extraction_spaces(pieces in proptest::collection::vec(
        prop_oneof![
            Just("受理"), Just("案件"), Just("3080.5"), Just("39347"), Just("万"), Just("件"),
            Just("亿"), Just("元"), Just("增"), Just("长"), Just("3.7"), Just("%"), Just("。"),
            Just("，"), Just(" "), Just("  "), Just("\n"), Just("\u{3000}"), Just("\u{2009}"),
            Just("\u{00A0}"), Just("[2]"), Just("**"), Just("两千四百五"), Just("一万三"),
            Just("人"), Just("5万6000"), Just("百万"), Just("吨"), Just("余"), Just("近"),
        ], 0..40)) {
        let decoded: String = pieces.concat();
        let layout = Layout::new(&decoded);
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        for q in hedui::number::scan(&layout, Lexicon::builtin()) {
            let logical = &layout.text[q.span.clone()];
            let r = layout.decoded_range(q.span.clone());
            prop_assert!(decoded.is_char_boundary(r.start) && decoded.is_char_boundary(r.end));
            prop_assert_eq!(squeeze(&decoded[r]), squeeze(logical), "{:?}", decoded);
            if let (Some(lo), Some(hi)) = (q.interval.lo, q.interval.hi) {
                prop_assert!(lo <= hi);
            }
        }
    }

    /// No panic from the characters of Chinese numerals as read, codes and extraction debris.
    #[test]
    fn numeral_forms_alphabet_is_safe(s in "[0-9０-９.,%万亿萬億千仟百佰十拾零〇一二两兩貳參陸三四五六七八九廿卅壹贰叁点點个個分之余多近逾级吨人元件热线电话报警双第至条时GBT/·:〔〕\\[\\]<>sup^*\n -]{0,100}") {
        let layout = Layout::new(&s);
        for q in hedui::number::scan(&layout, Lexicon::builtin()) {
            prop_assert!(layout.text.is_char_boundary(q.span.start) && layout.text.is_char_boundary(q.span.end));
            prop_assert!(q.span.start < q.span.end);
            let r = layout.decoded_range(q.span.clone());
            prop_assert!(r.end <= s.len() && s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
    }

    /// Every logical character maps back to the same character of the decoded text.
    #[test]
    fn offset_map_sends_every_char_home(pieces in proptest::collection::vec(
        prop_oneof![
            Just("受理"), Just("案件"), Just("39347"), Just("万件"), Just("。"), Just("，"),
            Just("\n"), Just("\n\n"), Just("　　"), Just("  "), Just("\u{200B}"), Just("\r\n"),
            Just("abc"), Just("%"), Just("一、"), Just("——"), Just("“"), Just("”"), Just(" "),
        ], 0..60)) {
        let decoded: String = pieces.concat();
        let layout = Layout::new(&decoded);
        for (i, c) in layout.text.char_indices() {
            let r = layout.decoded_range(i..i + c.len_utf8());
            prop_assert!(decoded.is_char_boundary(r.start) && decoded.is_char_boundary(r.end));
            let back = &decoded[r];
            if c == '\n' || c == ' ' {
                prop_assert!(back == "\n" || back == " ", "{:?} -> {:?}", c, back);
            } else {
                prop_assert_eq!(back, c.to_string());
            }
        }
    }

    /// No string makes the grammar panic, from any characters at all.
    #[test]
    fn any_string_is_safe(s in "\\PC{0,200}") {
        let layout = Layout::new(&s);
        let _ = hedui::number::scan(&layout, Lexicon::builtin());
    }

    /// Nor from the characters the grammar cares about, densely mixed; finds come in order and
    /// never overlap.
    #[test]
    fn number_alphabet_is_safe(s in "[0-9０-９.．,，%％‰/万亿千百十零〇一二两三四五六七八九廿卅壹贰拾佰仟点分之成倍番翻过半约近余多逾超不足以上下左右至到—~～－−\\-负几数介于和与间第年月日号件人元个百分点\n ]{0,120}") {
        let layout = Layout::new(&s);
        let mut last_end = 0;
        for q in hedui::number::scan(&layout, Lexicon::builtin()) {
            prop_assert!(layout.text.is_char_boundary(q.span.start) && layout.text.is_char_boundary(q.span.end));
            prop_assert!(q.span.start < q.span.end);
            prop_assert!(q.span.start >= last_end, "{:?} overlaps the find before", &layout.text[q.span.clone()]);
            last_end = q.span.end;
            let r = layout.decoded_range(q.span.clone());
            prop_assert!(r.end <= s.len() && s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
            if let (Some(lo), Some(hi)) = (q.interval.lo, q.interval.hi) {
                prop_assert!(lo <= hi);
            }
        }
    }

    /// Every recognised expression round-trips its span: read alone, its own text is one
    /// quantity over the whole of it with the same value and interval.
    #[test]
    fn recognised_expressions_read_alone_the_same(s in "[0-9.%万亿千百十一二两三四五六七八九点分之成倍翻番过半约近余多逾超不足以上下左右至到—~\\-负几数上介于和之间零件人元个年月岁半小时－−%～ ]{0,40}") {
        let lex = Lexicon::builtin();
        for q in scan_text(&s, lex) {
            let own = &s[q.span.clone()];
            // A figure that opens with its place word (`百万年`) is read only after a word it
            // continues: it is read with the character written before it.
            let context = if own.starts_with(['百', '千', '万', '亿']) {
                s[..q.span.start].chars().next_back().map_or(0, char::len_utf8)
            } else {
                0
            };
            let read = &s[q.span.start - context..q.span.end];
            let alone = scan_text(read, lex);
            prop_assert_eq!(alone.len(), 1, "{:?} in {:?} reads alone as {:?}", read, s, alone);
            let a = &alone[0];
            prop_assert_eq!(a.span.clone(), context..read.len(), "{:?} in {:?}", read, s);
            prop_assert_eq!((a.value, a.interval, a.kind, a.range, a.open), (q.value, q.interval, q.kind, q.range, q.open), "{:?} in {:?}", own, s);
        }
    }

    /// Negative figures: any decimal after a minus sign, in a sentence, reads back negated,
    /// its span the sign and the figure.
    #[test]
    fn signed_figures_round_trip(mantissa in 1i64..100_000_000, decimals in 0u32..3, sign in 0usize..4, unit in 0usize..4) {
        let value = Decimal::new(mantissa, decimals);
        let sign = ["-", "－", "−", "负"][sign];
        let unit = ["%", "亿元", "个百分点", "万人"][unit];
        let written = format!("{sign}{value}{unit}");
        let text = format!("比上年增长{written}。");
        let qs = scan_text(&text, Lexicon::builtin());
        prop_assert_eq!(qs.len(), 1, "{}", text);
        prop_assert_eq!(&text[qs[0].span.clone()], written.as_str());
        prop_assert!(qs[0].value < Decimal::ZERO, "{}", text);
        prop_assert!(qs[0].interval.contains(qs[0].value), "{}", text);
        prop_assert!(qs[0].interval.hi.is_some_and(|h| h < Decimal::ZERO), "{}", text);
    }

    /// Ranges: `a至b` (any connector) with a scale and unit after the second end reads as
    /// [a, b] times the scale, whatever the rounding of either end.
    #[test]
    fn ranges_keep_their_ends(a in 1i64..50_000, width in 1i64..50_000, decimals in 0u32..3, conn in 0usize..5, scale in 0usize..3, unit in 0usize..3) {
        let (lo, hi) = (Decimal::new(a, decimals), Decimal::new(a + width, decimals));
        let conn = ["至", "到", "—", "~", "-"][conn];
        let unit = ["元", "%", "人"][unit];
        // A percent takes no scale word.
        let scale = if unit == "%" { 0 } else { scale };
        let (word, factor) = [("", Decimal::ONE), ("万", Decimal::from(10_000)), ("亿", Decimal::from(100_000_000))][scale];
        let written = format!("{lo}{conn}{hi}{word}{unit}");
        let text = format!("预计为{written}。");
        let qs = scan_text(&text, Lexicon::builtin());
        prop_assert_eq!(qs.len(), 1, "{}", text);
        prop_assert_eq!(&text[qs[0].span.clone()], written.as_str());
        prop_assert!(qs[0].range);
        prop_assert_eq!((qs[0].interval.lo, qs[0].interval.hi), (Some(lo * factor), Some(hi * factor)), "{}", text);
    }

    /// Vague numerals: two neighbouring digits before a place word and a unit read as the range
    /// of the two.
    #[test]
    fn vague_pairs_read_as_their_two_values(d in 1u32..9, place in 0usize..4, scale in 0usize..3) {
        const DIGITS: [char; 10] = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九'];
        let (p, pv) = [("", 1i64), ("十", 10), ("百", 100), ("千", 1000)][place];
        let (s, sv) = [("", 1i64), ("万", 10_000), ("亿", 100_000_000)][scale];
        let written = format!("{}{}{p}{s}人", DIGITS[d as usize], DIGITS[d as usize + 1]);
        let text = format!("共有{written}参加。");
        let qs = scan_text(&text, Lexicon::builtin());
        prop_assert_eq!(qs.len(), 1, "{}", text);
        prop_assert_eq!(&text[qs[0].span.clone()], written.as_str());
        let lo = Decimal::from(i64::from(d) * pv * sv);
        let hi = Decimal::from(i64::from(d + 1) * pv * sv);
        prop_assert_eq!((qs[0].interval.lo, qs[0].interval.hi), (Some(lo), Some(hi)), "{}", text);
    }
}

proptest! {
    /// Any text makes an annotated .docx (`check --annotate`) that reads back as the same text,
    /// and whose findings are those of the text.
    #[test]
    fn any_text_reads_back_from_its_annotated_docx(text in "[0-9一二三四五六七八九十百千万亿件元%.，。、\t\r\n a-z<>&\"']{0,80}") {
        let config = hedui::config::Config::default();
        let report = hedui::check::check_document(
            &hedui::source::Document::from_text("draft.txt", text.clone()),
            &config,
        );
        let copy = hedui::report::annotate::text_to_docx(&text, &report).unwrap();
        let back = hedui::source::docx::text(&copy).unwrap();
        let want = text.replace('\r', "");
        prop_assert_eq!(back.trim_end_matches('\n'), want.trim_end_matches('\n'));
        let again = hedui::check::check_document(
            &hedui::source::Document::from_bytes("copy.docx", &copy).unwrap(),
            &config,
        );
        let codes = |r: &hedui::report::diagnostic::Report| -> Vec<String> {
            r.diagnostics.iter().map(|d| d.code.clone()).collect()
        };
        prop_assert_eq!(codes(&again), codes(&report));
    }
}

/// The text of the page's marked-up draft: tags dropped, references read.
fn page_text(html: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

proptest! {
    /// The page of `hedui serve` shows any text exactly, whatever its findings point at: ranges
    /// that overlap, nest, are empty, run past the end or split a character.
    #[test]
    fn the_page_shows_any_text_exactly(
        text in "[0-9一二三四五六七八九十百千万亿件元%.，。、\t\r\n a-z<>&\"']{0,80}",
        ranges in proptest::collection::vec((0usize..260, 0usize..40), 0..6),
    ) {
        let config = hedui::config::Config::default();
        let template = hedui::check::check_text("受理案件39347件，审结35773件，结案率99.4%。", &config)
            .diagnostics
            .remove(0);
        let mut report = hedui::check::check_text(&text, &config);
        for (k, (start, len)) in ranges.iter().enumerate() {
            let mut d = template.clone();
            d.decoded = *start..start + len;
            for (j, label) in d.labels.iter_mut().enumerate() {
                let (s, l) = ranges[(k + j + 1) % ranges.len()];
                label.decoded = s..s + l;
            }
            report.diagnostics.push(d);
        }
        let html = hedui::serve::marked_text(&text, &report.diagnostics);
        prop_assert_eq!(page_text(&html), text);
    }
}
