use super::*;

fn show(text: &str, r: Range<usize>) -> &str {
    &text[r]
}

#[test]
fn brackets_nest_and_close() {
    let t = "在校生100人（其中小学60人（含寄宿10人），初中40人），教师9人。";
    let tree = Tree::parse(t, 0..t.len());
    assert_eq!(tree.brackets.len(), 2);
    assert_eq!(tree.brackets[0].depth, 1);
    assert_eq!(tree.brackets[1].depth, 2);
    assert_eq!(tree.brackets[1].parent, Some(0));
    let at = |w: &str| t.find(w).unwrap();
    assert_eq!(tree.depth(at("在校生")), 0);
    assert_eq!(tree.depth(at("小学")), 1);
    assert_eq!(tree.depth(at("寄宿")), 2);
    assert_eq!(tree.depth(at("初中")), 1);
    assert_eq!(tree.depth(at("教师")), 0);
    assert_eq!(
        show(t, tree.brackets[0].inner(t)),
        "其中小学60人（含寄宿10人），初中40人"
    );
}

#[test]
fn clauses_stay_at_their_depth() {
    let t = "铁路总里程599公里（干线533公里、支线66公里），其中高速铁路466公里；公路11779公里。";
    let tree = Tree::parse(t, 0..t.len());
    let at = |w: &str| t.find(w).unwrap();
    // The comma inside the bracket does not end the outer clause.
    assert_eq!(
        show(t, tree.clause(t, at("铁路总"))),
        "铁路总里程599公里（干线533公里、支线66公里）"
    );
    assert_eq!(
        show(t, tree.clause(t, at("支线"))),
        "干线533公里、支线66公里"
    );
    assert_eq!(show(t, tree.item(t, at("支线"))), "支线66公里");
    assert_eq!(show(t, tree.clause(t, at("其中"))), "其中高速铁路466公里");
    assert_eq!(
        show(t, tree.major(t, at("其中"))),
        "铁路总里程599公里（干线533公里、支线66公里），其中高速铁路466公里"
    );
    let clauses: Vec<&str> = tree
        .clauses_from(t, at("铁路总"), t.len())
        .into_iter()
        .map(|r| show(t, r))
        .collect();
    assert_eq!(
        clauses,
        [
            "铁路总里程599公里（干线533公里、支线66公里）",
            "其中高速铁路466公里",
            "公路11779公里"
        ]
    );
}

#[test]
fn unclosed_and_stray_brackets_do_not_panic() {
    for t in ["（（（", "）））a，b", "a（b，c", "【1】、（2", ""] {
        let tree = Tree::parse(t, 0..t.len());
        for (i, _) in t.char_indices() {
            let _ = tree.clause(t, i);
            let _ = tree.item(t, i);
            let _ = tree.major(t, i);
            let _ = tree.clauses_from(t, i, t.len());
        }
    }
}

/// An outline as `kind:text` lines, indented two spaces a level.
fn outline(t: &str) -> Vec<String> {
    fn walk(t: &str, nodes: &[Node], depth: usize, out: &mut Vec<String>) {
        for n in nodes {
            out.push(format!(
                "{}{:?}:{}",
                "  ".repeat(depth),
                n.part,
                &t[n.range.clone()]
            ));
            walk(t, &n.children, depth + 1, out);
        }
    }
    let mut out = Vec::new();
    walk(t, &Tree::parse(t, 0..t.len()).outline(t), 0, &mut out);
    out
}

#[test]
fn outline_nests_majors_clauses_items_and_brackets() {
    let t =
        "　　铁路总里程599公里（干线533公里、支线66公里），其中高速铁路466公里；公路11779公里。";
    assert_eq!(
        outline(t),
        [
            "Major:铁路总里程599公里（干线533公里、支线66公里），其中高速铁路466公里",
            "  Clause:铁路总里程599公里（干线533公里、支线66公里）",
            "    Bracket:（干线533公里、支线66公里）",
            "      Item:干线533公里",
            "      Item:支线66公里",
            "  Clause:其中高速铁路466公里",
            "Major:公路11779公里",
        ]
    );
}

#[test]
fn outline_places_a_bracket_in_its_item() {
    let t = "小学60人（含寄宿10人（走读除外））、初中40人。";
    assert_eq!(
        outline(t),
        [
            "Major:小学60人（含寄宿10人（走读除外））、初中40人",
            "  Item:小学60人（含寄宿10人（走读除外））",
            "    Bracket:（含寄宿10人（走读除外））",
            "      Bracket:（走读除外）",
            "  Item:初中40人",
        ]
    );
}

#[test]
fn outline_of_hostile_nesting_stays_shallow() {
    let t = format!("{}1{}", "（".repeat(10_000), "）".repeat(10_000));
    let tree = Tree::parse(&t, 0..t.len());
    let mut depth = 0;
    let mut nodes = tree.outline(&t);
    while let Some(n) = nodes.pop() {
        depth += 1;
        nodes = n.children;
    }
    assert!(depth <= 10, "{depth}");
    for t in ["", "，，；", "（", "）、（、", "a；；b"] {
        let _ = Tree::parse(t, 0..t.len()).outline(t);
    }
}

#[test]
fn punctuation_yields_every_bracket_and_separator() {
    // `punctuation` decodes only ASCII and characters led by 0xE3 or 0xEF: every character the
    // tree reads must be one of them.
    for cp in 0..0x11_0000u32 {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        if !(is_open(c) || is_close(c) || is_clause_mark(c) || c == '、') {
            continue;
        }
        let text = format!("中{c}𠀀é");
        let found: Vec<(usize, char)> = punctuation(&text).collect();
        assert_eq!(found, vec![("中".len(), c)], "{c:?}");
    }
    let t = "A（中）b，【𠀀】";
    assert_eq!(
        punctuation(t).map(|(_, c)| c).collect::<String>(),
        "A（）b，【】"
    );
    assert_eq!(bracket_balance("（（〔a）"), 2);
}
