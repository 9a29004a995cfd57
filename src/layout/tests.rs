use super::*;

fn paragraphs(l: &Layout) -> Vec<&str> {
    l.paragraphs.iter().map(|p| &l.text[p.clone()]).collect()
}

/// Every logical char maps back to the same char in the decoded text (newlines may stand for
/// the line break they replaced).
fn assert_maps_back(decoded: &str, l: &Layout) {
    for (i, c) in l.text.char_indices() {
        let r = l.decoded_range(i..i + c.len_utf8());
        let back = &decoded[r.clone()];
        if c == '\n' || c == ' ' {
            assert!(back == "\n" || back == " ", "{i}: {back:?}");
        } else {
            assert_eq!(back, c.to_string(), "logical {i} -> decoded {r:?}");
        }
    }
}

#[test]
fn newspaper_columns_join_numbers_and_units() {
    let decoded = "　　最高人民法院受理案件39347\n\n件，审结35773件，分别为\n\n56.8万件、145.5万件、424\n\n万件，其中2020年同比增长。\n\n　　二、下一段\n\n内容在这里继续写下去\n";
    let l = Layout::new(decoded);
    assert_eq!(
        paragraphs(&l),
        [
            "最高人民法院受理案件39347件，审结35773件，分别为56.8万件、145.5万件、424万件，其中2020年同比增长。",
            "二、下一段内容在这里继续写下去"
        ]
    );
    assert_maps_back(decoded, &l);
    let at = l.text.find("424万件").unwrap();
    let r = l.decoded_range(at..at + "424万件".len());
    assert_eq!(&decoded[r], "424\n\n万件");
}

#[test]
fn stray_breaks_inside_sentences_are_joined() {
    let decoded = "——基础设施支撑能力持续提升。新建\n高速铁路\n投产里程超过1900公里。\n\n——就业增长超出预期。\n下一行。\n";
    let l = Layout::new(decoded);
    assert_eq!(
        paragraphs(&l),
        [
            "——基础设施支撑能力持续提升。新建高速铁路投产里程超过1900公里。",
            "——就业增长超出预期。",
            "下一行。"
        ]
    );
    assert_maps_back(decoded, &l);
}

#[test]
fn zero_width_and_latin_words() {
    let decoded = "国内生产总值达到74.4\n\u{200B}\n万亿元，增长6.7%。\nsee the\nreport。\n";
    let l = Layout::new(decoded);
    assert_eq!(paragraphs(&l)[0], "国内生产总值达到74.4万亿元，增长6.7%。");
    assert!(l.text.contains("see the report。"));
    assert_maps_back(decoded, &l);
}

#[test]
fn one_paragraph_per_line_with_headings() {
    let decoded =
        "（一）加力扩内需稳增长\n加大稳经济政策实施力度。\r\n一、回顾\n过去一年，增长5%。";
    let l = Layout::new(decoded);
    assert_eq!(
        paragraphs(&l),
        [
            "（一）加力扩内需稳增长",
            "加大稳经济政策实施力度。",
            "一、回顾",
            "过去一年，增长5%。"
        ]
    );
    assert_maps_back(decoded, &l);
}

#[test]
fn sentences_and_clauses() {
    let l = Layout::new("受理39347件，审结35773件。结案率99.4%；同比上升1.7%");
    let p = l.paragraphs[0].clone();
    let s: Vec<_> = l.sentences(p).into_iter().map(|r| &l.text[r]).collect();
    assert_eq!(
        s,
        [
            "受理39347件，审结35773件。",
            "结案率99.4%；",
            "同比上升1.7%"
        ]
    );
    let c: Vec<_> = l
        .clauses(0..l.text.find('。').unwrap() + 3)
        .into_iter()
        .map(|r| &l.text[r])
        .collect();
    assert_eq!(c, ["受理39347件，", "审结35773件。"]);
}

#[test]
fn empty_and_blank_inputs() {
    assert!(Layout::new("").paragraphs.is_empty());
    assert!(Layout::new(" \n\u{3000}\n\u{200B}\n").paragraphs.is_empty());
}

#[test]
fn a_lone_dash_line_before_emphasis_is_not_a_heading() {
    let decoded =
        "——\n\u{200B}\n改革开放深入推进。重要领域改革取得进展。\n\n——经济结构加快调整。\n";
    let l = Layout::new(decoded);
    assert_eq!(
        paragraphs(&l),
        [
            "——改革开放深入推进。重要领域改革取得进展。",
            "——经济结构加快调整。"
        ]
    );
    assert_maps_back(decoded, &l);
}

#[test]
fn spaces_of_pdf_extraction_close_up_around_chinese() {
    let decoded = "全年招聘工作人员 97.5 万人，增  长  3.7 %，其中 2023 年 12 月为 12 372 人。GDP growth 2%\n";
    let l = Layout::new(decoded);
    assert_eq!(
        paragraphs(&l),
        ["全年招聘工作人员97.5万人，增长3.7%，其中2023年12月为12 372人。GDP growth 2%"]
    );
    assert_maps_back(decoded, &l);
    let at = l.text.find("97.5万人").unwrap();
    let r = l.decoded_range(at..at + "97.5万人".len());
    assert_eq!(&decoded[r], "97.5 万人");
}

#[test]
fn tabs_between_table_cells_stay() {
    let decoded = "货物运输总量\t万吨\t4934.25\t2.6\n";
    let l = Layout::new(decoded);
    assert_eq!(paragraphs(&l), ["货物运输总量\t万吨\t4934.25\t2.6"]);
}

#[test]
fn headings_stand_alone_in_wrapped_text() {
    // Most lines end mid-sentence, so the text is read as wrapped at a column.
    let decoded = "全年商品房销售额391.36亿元，其中住宅\n销售额335.62亿元，比上年增长8.3%，\n七、对外经济和旅游\n全年货物进出口总额981.77亿元，比上\n年增长22.6%。其中，出口789.74亿元，\n进口192.03亿元，比上年增长31.1%，\n";
    let l = Layout::new(decoded);
    assert_eq!(
        paragraphs(&l),
        [
            "全年商品房销售额391.36亿元，其中住宅销售额335.62亿元，比上年增长8.3%，",
            "七、对外经济和旅游",
            "全年货物进出口总额981.77亿元，比上年增长22.6%。其中，出口789.74亿元，进口192.03亿元，比上年增长31.1%，"
        ]
    );
    assert_maps_back(decoded, &l);
}
