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
fn typesetting_spaces_close_up_and_thin_spaces_group_digits() {
    // En, em and narrow no-break spaces beside Chinese; thin spaces between digit groups.
    let decoded = "受理案件\u{2002}3080.5\u{2003}万件，审结12\u{2009}372件，共计1\u{202F}234\u{202F}567元，12 372人。\n";
    let l = Layout::new(decoded);
    assert_eq!(
        paragraphs(&l),
        ["受理案件3080.5万件，审结12372件，共计1234567元，12 372人。"]
    );
    assert_maps_back(decoded, &l);
    let at = l.text.find("12372件").unwrap();
    let r = l.decoded_range(at..at + "12372件".len());
    assert_eq!(&decoded[r], "12\u{2009}372件");
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

#[test]
fn a_tab_before_every_line_is_not_a_paragraph_mark() {
    let lines = [
        "\t年末全县就业人员 73.35 万人，其中城镇就业人员 45.93万人，占全县就业人员",
        "\t比重 62.6%。全年农民工总量 29.56 万人，比上年增长 1.1%。",
        "\t其中，本地农民工 12.37 万人，增长 2.4%；外出农民工 17.19",
        "\t万人，增长 0.1%。",
        "\t全年城镇新增就业 1.21 万人，城镇调查失业率 5.6%，年末城镇登记失业",
        "\t率 5.5%。全年共帮助 2.3 万名失业人员实现再就业，帮助就业困难人员",
        "\t就业 0.9 万人。年末全县参加基本养老保险人数 105.3 万人，比上年",
        "\t末增加 2.2 万人，其中，参保职工 36.7 万人，参保离退休人员 13.5",
        "\t万人。年末全县参加失业保险人数 23.8 万人，比上年末增加 0.9 万",
        "\t人，其中农民工 4.4 万人。",
    ];
    let decoded = lines.join("\n") + "\n";
    let l = Layout::new(&decoded);
    // Paragraphs end where a short line ends a sentence, as in any wrapped text; a tab before
    // every line ends none.
    assert_eq!(l.paragraphs.len(), 2, "{:?}", paragraphs(&l));
    assert!(paragraphs(&l)[0].contains("其中，本地农民工12.37万人，增长2.4%；外出农民工17.19万人"));
    assert_maps_back(&decoded, &l);
}

#[test]
fn a_blank_line_inside_a_wrapped_sentence_is_a_page_break() {
    let lines = [
        "全年全省城镇新增就业人数52.3万人，比上年减少0.4万人。年末全",
        "省参加失业保险人数1208万人，比上年末增加36万人，其中参保农",
        "",
        "民工人数215万人。全年共为2.1万名失业人员发放失业保险金，发",
        "放金额比上年增长3.2%。年末全省参加工伤保险人数1436万人，比",
        "上年末增加41万人。",
        "",
        "五、社会保障",
        "年末全省参加基本养老保险人数3120万人，比上年末增加52万人，其",
        "中城镇职工1210万人。",
    ];
    let decoded = lines.join("\n") + "\n";
    let l = Layout::new(&decoded);
    assert!(
        paragraphs(&l)[0].contains("其中参保农民工人数215万人"),
        "{:?}",
        paragraphs(&l)
    );
    // A heading after a blank line still stands alone.
    assert!(
        paragraphs(&l).contains(&"五、社会保障"),
        "{:?}",
        paragraphs(&l)
    );
    assert_maps_back(&decoded, &l);
}

#[test]
fn a_numbered_section_after_a_finished_line_opens_a_paragraph() {
    // Wrapped at a column: most lines stop mid-sentence.
    let decoded = "根据上述要求，今年财政工作重点把握以下两个方面要\n求，统筹发展和安全，提高资金使用效益，推动各项政\n策落地见效，做好以下工作安排，重点把握两个方面：\n（一）落实过紧日子要求，严格控制一般性支出，压减\n非刚性非重点支出。一是严控会议费，二是严控差旅\n费。\n（二）加强重点领域保障，兜牢基层三保底线，支持\n科技创新和民生事业。\n";
    let l = Layout::new(decoded);
    let p = paragraphs(&l);
    assert_eq!(p.len(), 3, "{p:?}");
    assert!(p[0].ends_with("重点把握两个方面："));
    assert!(p[1].starts_with("（一）") && p[1].contains("一是严控会议费，二是严控差旅费。"));
    assert!(p[2].starts_with("（二）"));
    assert_maps_back(decoded, &l);
}
