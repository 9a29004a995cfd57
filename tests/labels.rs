//! Labels name the metric whole: the name as written before the figure, not its last few
//! characters, and no comparison word (`比2019年的`) taken for a name.

use hedui::{Config, check_text};

/// Every label of every finding of `text`, one line each: `code: label`.
fn labels(text: &str) -> String {
    let report = check_text(text, &Config::default());
    let mut out = String::new();
    for d in &report.diagnostics {
        for l in &d.labels {
            out.push_str(&format!("{}: {}\n", d.code, l.label));
        }
    }
    out
}

#[test]
fn a_name_longer_than_ten_characters_is_whole() {
    // 11 and 20 characters: both were cut to their last ten (`省地表水优良水体比例`).
    insta::assert_snapshot!(labels(
        "重点流域断面水质持续改善，全省地表水优良水体比例由71.3%上升到88.6%，提高18.2个百分点。\
         数字经济核心产业增加值占地区生产总值比重由8.7%提高到11.3%，提高2.8个百分点。"
    ));
}

#[test]
fn a_gloss_stays_with_its_name() {
    insta::assert_snapshot!(labels(
        "全年地区生产总值（GDP）3184.56亿元，其中第一产业增加值287.41亿元，占地区生产总值的比重为9.2%。"
    ));
}

#[test]
fn a_base_written_as_a_comparison_names_no_metric() {
    // `比2019年的41.86%`: the words before the base say when, not what; the label was `基数（比）`.
    insta::assert_snapshot!(labels(
        "森林覆盖率达到43.17%，比2019年的41.86%提高1.52个百分点。\
         常住人口城镇化率达到68.42%，比上年末的67.15%提高1.43个百分点。"
    ));
}

#[test]
fn a_long_phrase_shows_its_head_and_tail_around_an_ellipsis() {
    insta::assert_snapshot!(labels(
        "经市十七届人大常委会第九次会议审议批准的市本级政府性基金预算收入调整预算46.83亿元，比上年增加2.97亿元，增长6.2%。"
    ));
}
