//! Parts of a whole (`其中`) and totals with all their parts (`合计`, `分为…三类`).

use super::Claim;
use super::metric::without_qizhong;
use super::sentence::{Context, Sentence};
use super::vocabulary::{Words, ends_with_any, rfind_any, starts_with_any};
use crate::number::Kind;
use crate::structure::Tree;

/// `W，其中P1、P2`: parts of a whole, bound by the sentence's shape.
///
/// The parts are the figures of the clause 其中 opens (its `、` items), and of the clauses after
/// it at the same bracket depth while they run in parallel (`其中，夏粮产量…，秋粮产量…`). The
/// whole is a figure before 其中 at the same depth, of the same role (a level, or a change such
/// as `增加1651万辆`) and unit: the nearest in its `；` clause, or, when 其中 opens the sentence,
/// the one of the sentence before whose metric the part's names. Figures in brackets belong to
/// the figure they follow; averages are neither parts nor wholes.
pub fn parts(ctx: &Context, claims: &mut Vec<Claim>) {
    let start = ctx.sentence.range.start;
    let text = ctx.between(start, ctx.sentence.range.end);
    let tree = ctx.tree;
    let mut words: Vec<usize> = Vec::new();
    // Most sentences hold no part word: one pass of the list's automaton tells them, before a
    // substring search per word.
    let part_words = ctx.vocab.whole.part.occurs_in(text);
    for word in ctx.vocab.whole.part.iter().filter(|_| part_words) {
        words.extend(text.match_indices(word.as_str()).map(|(o, _)| start + o));
    }
    // `分产业看，第一产业…`: a sentence that opens by naming a breakdown lists parts of the
    // whole stated before, as a sentence-opening 其中 does.
    // `在等级公路中，高速公路…`: a sentence opening with the whole's name lists its parts.
    let named = within_named(text);
    if breakdown_heading(text) || named.is_some() {
        words.push(start);
    }
    // `…，其中医院3.9万个，在医院中有公立医院…`: a clause opening 在X中 lists parts of the
    // figure named X before it, as 其中 does.
    let inner_named: Vec<(usize, &str)> = text
        .match_indices(['，', '；'])
        .filter_map(|(o, sep)| {
            let from = o + sep.len();
            within_clause(&text[from..]).map(|n| (start + from, n))
        })
        .collect();
    words.extend(inner_named.iter().map(|&(at, _)| at));
    // `其中医院129个，含公立医院39个、民营医院90个`: a clause opening 含 right after a figure lists
    // that figure's parts.
    let held: Vec<(usize, usize)> = text
        .match_indices('含')
        .filter_map(|(k, _)| {
            let o = text[..k].strip_suffix('，')?.len();
            let from = start + k;
            let item = ctx
                .sentence
                .quantities
                .iter()
                .copied()
                .rfind(|&i| ctx.q(i).span.end <= start + o)?;
            (ctx.q(item).span.end == start + o && tree.depth(from) == 0).then_some((from, item))
        })
        .collect();
    words.extend(held.iter().map(|&(at, _)| at));
    words.sort_unstable();
    words.dedup();
    // A whole whose parts are all listed is a total; the `sum` rules check it.
    let totals: Vec<usize> = claims
        .iter()
        .filter_map(|c| match c {
            Claim::Total { total, .. } => Some(*total),
            _ => None,
        })
        .collect();
    for (k, &at) in words.iter().enumerate() {
        let container = tree.bracket_of(at);
        let bounds = match container {
            Some(b) => tree.brackets[b].inner(ctx.text),
            None => ctx.sentence.range.clone(),
        };
        // The next 其中 of the same bracket ends this one's reach.
        let reach = words[k + 1..]
            .iter()
            .copied()
            .find(|&w| tree.bracket_of(w) == container)
            .unwrap_or(bounds.end)
            .min(bounds.end);
        // `收入X，其中A、B，加上C…，收入总计T`: what is added is no longer a part.
        let reach = plus_word(ctx.between(at, reach)).map_or(reach, |k| at + k);
        let at_depth = |i: usize| tree.bracket_of(ctx.q(i).span.start) == container;
        // A net change has parts of either sign (foreign-currency loans can fall while the
        // total rises); what is newly added (`新增装机3000万千瓦，其中可再生能源…`) or
        // collected above the budget (`超收…，其中中央财政超收…`) has none below zero.
        // `改造提升24个高速公路服务区`: a count of the things a verb acts on, not a change.
        let level = |i: usize| {
            let before = ctx.clause_before(i);
            !ctx.is_change(i)
                || before.ends_with("新增")
                || before.ends_with("超收")
                || counts_objects(ctx, i)
        };
        let induced = |i: usize| {
            let name = item_name(ctx.metric(i));
            ctx.vocab
                .whole
                .induced
                .iter()
                .any(|w| name.starts_with(w.as_str()))
        };
        let candidate =
            |i: usize| ctx.is_measure(i) && !ctx.is_average(i) && level(i) && !induced(i);
        // An average may stand where the whole would: then the items are its components
        // (`人均可支配收入66140元。其中，工资性收入…`), and no figure further back is their whole.
        let whole_or_average = |i: usize| ctx.is_measure(i) && level(i);
        let in_range = |i: usize, r: &std::ops::Range<usize>| {
            ctx.q(i).span.start >= r.start && ctx.q(i).span.end <= r.end
        };
        // The clauses the parts may run over: those of 其中's reach, then, when that reach is
        // the whole sentence and a `；` ends it, those of the sentences the `；` chains to
        // (`其中，第一产业增加值…；第二产业增加值…；第三产业增加值…。`), at their top level.
        let mut segments: Vec<(std::ops::Range<usize>, bool)> = tree
            .clauses_from(ctx.text, at, reach)
            .into_iter()
            .map(|c| (c.start.max(at)..c.end, true))
            .collect();
        let later_trees: Vec<Tree> = if container.is_none() && reach == bounds.end {
            chained(ctx)
                .map(|s| Tree::parse(ctx.text, s.range.clone()))
                .collect()
        } else {
            Vec::new()
        };
        for t in &later_trees {
            segments.extend(
                t.clauses_from(ctx.text, t.range.start, t.range.end)
                    .into_iter()
                    .map(|c| (c, false)),
            );
        }
        let tree_of = |at: usize| {
            later_trees
                .iter()
                .find(|t| t.range.contains(&at))
                .unwrap_or(tree)
        };
        // `其中，A…，B…` / `其中执业医师…，注册护士…。`: a 其中 that opens its clause heads an
        // enumeration of the two or more clauses after it that run to the sentence's end,
        // whatever their names, when each of them is one named figure of one unit and nothing
        // else follows. Items with attributes between them (`其中：村委会…，比上年下降…，村民小组…`)
        // may describe each other and are read by their names.
        let opens = ctx.between(at, reach).starts_with("其中");
        let heads_list = opens && plain_enumeration(ctx, &segments, 2);
        let mut parts: Vec<usize> = Vec::new();
        // Parts from clauses after the first one, and whether in this sentence.
        let mut continued: Vec<(usize, bool)> = Vec::new();
        let mut listed = false;
        // Figures of another unit describing the items (`科技重大项目21项，支持经费3468万元`).
        let mut attributes: Vec<usize> = Vec::new();
        for (n, (clause, own)) in segments.iter().enumerate() {
            let figures: Vec<usize> = ctx
                .quantities_in(clause.clone())
                .filter(|&i| {
                    let start = ctx.q(i).span.start;
                    let placed = if *own {
                        at_depth(i)
                    } else {
                        tree_of(start).depth(start) == 0
                    };
                    in_range(i, clause) && placed && candidate(i)
                })
                .collect();
            if parts.is_empty() {
                // `其中，` opens its parts with the next clause; a clause with figures that are
                // no parts (`其中税收占比66.6%`) ends them, and so does a `；`.
                let bare = ctx.quantities_in(clause.clone()).next().is_none();
                if figures.is_empty() && n == 0 && bare && *own {
                    continue;
                }
                if figures.is_empty() || !own {
                    break;
                }
                listed = figures.len() >= 2 && joined_by_items(ctx, &figures);
                parts.extend(figures);
                continue;
            }
            // After a first item that is itself newly added (`制造业贷款新增…，续贷新增…`),
            // what is newly added is an item too.
            let added = ctx.is_change(parts[0]) && level(parts[0]);
            let Some(&lead) = figures
                .iter()
                .find(|&&i| !ctx.is_change(i) || (added && level(i)))
            else {
                // A clause of attributes (`减产1.8%`) or of changes goes with the item before.
                continue;
            };
            // Past a `；` an item must say plainly that it is one more of the same: a unit
            // like the first item's and a head or opening of two characters like its name.
            // A clause of another unit describes the item before (`夏粮播种面积…；总产量…；
            // 秋粮播种面积…`): passed over.
            if !own && !ctx.comparable(parts[0], lead) {
                continue;
            }
            // Past a `；`, the items after a 其中 of their own, up to the next `；`, are parts of
            // the item before it (`…；第二产业增加值…，其中工业增加值…；第三产业…`), not of
            // this whole.
            let since = ctx.between(ctx.q(parts[0]).span.end, ctx.q(lead).span.start);
            if !own
                && since
                    .rsplit(['；', ';'])
                    .next()
                    .is_some_and(|c| c.contains("其中"))
            {
                continue;
            }
            if !own
                && (!ctx.comparable(parts[0], lead)
                    || !(closely_parallel(without_qizhong(ctx.metric(parts[0])), ctx.metric(lead))
                        || ctx.sibling_classes(ctx.metric(parts[0]), ctx.metric(lead))))
            {
                break;
            }
            // A clause that names another metric (`在校生40.96万人` after `其中招收随迁子女…`)
            // is no longer a part.
            let first = parts
                .iter()
                .copied()
                .find(|&i| !ctx.is_change(i))
                .unwrap_or(parts[0]);
            let (first_name, lead_name) = (without_qizhong(ctx.metric(first)), ctx.metric(lead));
            let enumerated = heads_list && *own && ctx.comparable(first, lead);
            if !enumerated
                && !parallel(first_name, lead_name)
                && !ctx.sibling_classes(first_name, lead_name)
            {
                // In this sentence a clause of another unit describes the item before
                // (`夏粮播种面积…；总产量21.64万吨…；秋粮播种面积…`): passed over, not an end.
                if *own && !ctx.comparable(first, lead) {
                    attributes.push(lead);
                    continue;
                }
                break;
            }
            listed = false;
            continued.extend(figures.iter().map(|&i| (i, *own)));
            parts.extend(figures);
        }
        if parts.is_empty() {
            continue;
        }
        // The figure a bracket opening with 其中 follows, or the one a `，含` clause follows.
        let given_whole = |at: usize| {
            bracketed_whole(ctx, at)
                .or_else(|| held.iter().find(|&&(o, _)| o == at).map(|&(_, w)| w))
        };
        let opens_sentence = text[..at - start]
            .trim_matches(['，', '。', ' ', '\n'])
            .is_empty();
        // Whole candidates: the figure a bracket opening with 其中 follows; before 其中, at its
        // depth, in its `；` clause; or the sentence before.
        // Candidates come in groups, nearest first: one group for a whole in this sentence,
        // one per sentence for a sentence-opening 其中.
        let (wholes, from_previous): (Vec<Vec<usize>>, bool) = if let Some(w) = given_whole(at) {
            (vec![vec![w]], false)
        } else if opens_sentence {
            // The sentences before in the paragraph (a `；` may have ended the last one), read
            // at their top level where the shape of the sentence before is known.
            let Some(prev_tree) = ctx.previous_tree else {
                continue;
            };
            // A figure under a 其中 of its own sentence, or a part of an earlier breakdown
            // (`分城乡看，城镇人口…`) unless `在X中` names it, is a part there, not a whole
            // here (`其中，出口210.44亿元…。…进出口额478.72亿元。其中，出口233.58亿元`).
            let prev_start = prev_tree.range.start;
            let mut groups: Vec<Vec<usize>> = Vec::new();
            for earlier in ctx.earlier_sentences() {
                let w: Vec<usize> = earlier
                    .quantities
                    .iter()
                    .copied()
                    .filter(|&i| {
                        let q = ctx.q(i);
                        whole_or_average(i)
                            && !ctx.under_qizhong(i)
                            && (named.is_some() || ctx.part_of[i].is_none())
                            && (q.span.start < prev_start || prev_tree.depth(q.span.start) == 0)
                    })
                    .collect();
                // `…；…。` is one sentence: its `；` pieces make one group.
                let chained = ctx.text[..earlier.range.end].ends_with(['；', ';']);
                match groups.last_mut() {
                    Some(g) if chained => g.splice(0..0, w),
                    _ => {
                        groups.push(w);
                        continue;
                    }
                };
            }
            (groups, true)
        } else {
            let major = tree.major(ctx.text, at);
            // A figure of a `，含…` clause is a part of the figure before it, not the whole
            // of a later 其中 (`受理6218件，含重复412件，其中网上受理3975件`).
            let held_part = |i: usize| ctx.clause_before(i).starts_with('含');
            let w = ctx
                .before(at)
                .filter(|&i| {
                    at_depth(i)
                        && whole_or_average(i)
                        && !held_part(i)
                        && ctx.q(i).span.start >= major.start
                })
                .collect();
            (vec![w], false)
        };
        // Items past a `；` that name all the classes of a partition by themselves are a
        // breakdown of the same whole, not its siblings (`其中：一般债务A，专项债务B；市级
        // 政府债务余额C，县区政府债务余额D`).
        let rebroken: Vec<usize> = split_at_semicolons(ctx, &parts)
            .into_iter()
            .skip(1)
            .filter(|g| covers_whole(ctx, g))
            .flatten()
            .collect();
        let mut by_whole: Vec<(usize, Vec<usize>)> = Vec::new();
        // `在X中有…`: the whole is named X.
        let inner_name = inner_named.iter().find(|&&(o, _)| o == at).map(|&(_, n)| n);
        // The nearest group that holds a figure of the part's unit.
        let whole_of = |p: usize| {
            wholes
                .iter()
                .find_map(|group| {
                    let fitting: Vec<usize> = group
                        .iter()
                        .copied()
                        .filter(|&w| ctx.comparable(w, p))
                        .filter(|&w| named.is_none_or(|n| at != start || ctx.metric(w).contains(n)))
                        .filter(|&w| inner_name.is_none_or(|n| ctx.metric(w).ends_with(n)))
                        .collect();
                    (!fitting.is_empty()).then(|| pick_whole(ctx, &fitting, p, from_previous))
                })
                .flatten()
        };
        let first_whole = whole_of(parts[0]);
        for &p in &parts {
            let Some(whole) = whole_of(p).filter(|&w| !totals.contains(&w)) else {
                continue;
            };
            // A later item named like the whole rather than like the first part is the whole's
            // sibling (`第二产业使用外资13亿美元，其中制造业…；第三产业使用外资37.1亿美元`).
            // Past a `；` an item named as much like the whole is its sibling too.
            // An item named as the rest (`其他儿童福利资金`) repeats the whole's name but is
            // its last class; so may the items of a second breakdown.
            let class = names_the_rest(ctx.metric(p)) || rebroken.contains(&p);
            // Items matched by name to wholes of their own (`毕业生…，招生…，在校生…` under
            // `毕业生…，招生…，在校生…`) are parts of each, not siblings.
            let own_whole = from_previous && first_whole.is_some_and(|f| f != whole);
            if let Some(&(_, own)) = continued.iter().find(|(i, _)| *i == p && !class)
                && !own_whole
            {
                let name = ctx.metric(p);
                let first = without_qizhong(ctx.metric(parts[0]));
                let whole_name = ctx.metric(whole);
                let (to_whole, to_first) = (likeness(name, whole_name), likeness(name, first));
                let closer_run = || common_run(name, whole_name) > common_run(name, first);
                // Classes of one partition are siblings, however the whole is named
                // (`固定电话用户…；移动电话用户总数…` under `电话用户总数`).
                // `公路里程A，其中高速公路B；年末铁路总里程C`: past a `；`, an item that opens
                // with its own period word, which the first part does not, starts a statement
                // of its own.
                let period = |n: &str| {
                    ["年末", "年底", "全年", "截至"]
                        .iter()
                        .any(|w| item_name(n).starts_with(w))
                };
                if !own && period(name) && !period(first) {
                    continue;
                }
                // `猪牛羊禽肉产量…猪肉…牛肉…羊肉…禽肉产量`: the last item ends the whole's name,
                // which spells the items out.
                if (to_whole > to_first || (!own && to_whole == to_first && closer_run()))
                    && !ctx.sibling_classes(first, name)
                    && !spelled_out(ctx, whole, &parts)
                {
                    continue;
                }
            }
            match by_whole.iter_mut().find(|(w, _)| *w == whole) {
                Some((_, ps)) => ps.push(p),
                None => by_whole.push((whole, vec![p])),
            }
        }
        // Items of an average are its components only when they are the classes of a
        // partition (工资性收入, 经营净收入…); otherwise they are averages of subgroups
        // (`月均工资6200元，其中技术岗位7800元`), which may exceed it.
        // An attribute of the items named exactly as a figure of the sentence before
        // (`…项目46项，支持经费4273万元。其中，…项目21项，支持经费3468万元`) is a part of it.
        if from_previous {
            for &a in &attributes {
                let name = ctx.metric(a);
                let named_alike = |w: usize| {
                    ctx.comparable(w, a)
                        && name.chars().count() >= 2
                        && ctx.metric(w).ends_with(name)
                };
                let Some(whole) = wholes
                    .first()
                    .and_then(|g| g.iter().copied().find(|&w| named_alike(w)))
                    .filter(|&w| !ctx.is_average(w) && !totals.contains(&w))
                else {
                    continue;
                };
                match by_whole.iter_mut().find(|(w, _)| *w == whole) {
                    Some((_, ps)) => ps.push(a),
                    None => by_whole.push((whole, vec![a])),
                }
            }
        }
        by_whole.retain(|(w, ps)| !ctx.is_average(*w) || covers_whole(ctx, ps));
        for (whole, ps) in by_whole {
            // `其中：一般债务A，专项债务B；市级C，县区D`: two breakdowns of one whole, each by
            // a partition of its own.
            let groups = split_at_semicolons(ctx, &ps);
            if groups.len() >= 2
                && !ctx.is_average(whole)
                && groups.iter().all(|g| covers_whole(ctx, g))
            {
                for g in groups {
                    claims.push(plain_total(whole, g.clone()));
                    claims.push(Claim::Parts {
                        whole,
                        parts: g,
                        listed: false,
                    });
                }
                continue;
            }
            // Items that name every class of a partition, or end with 其他, are all of the
            // whole: a total, whose sum the `sum` rules check. So are items the whole's name
            // spells out (`猪牛羊禽肉产量…其中，猪肉…牛肉…羊肉…禽肉…`).
            if covers_whole(ctx, &ps) || spelled_out(ctx, whole, &ps) {
                // Components of an average are means rounded to the yuan, though written as
                // whole numbers: their sum may miss the average by a unit or two.
                claims.push(Claim::Total {
                    total: whole,
                    parts: ps.clone(),
                    over_years: false,
                    rounded: ctx.is_average(whole),
                });
                claims.push(Claim::Parts {
                    whole,
                    parts: ps,
                    listed: false,
                });
                continue;
            }
            let listed = listed && ps.len() == parts.len();
            claims.push(Claim::Parts {
                whole,
                parts: ps,
                listed,
            });
        }
    }
}

/// The items in runs, a new run after each `；` between two of them.
fn split_at_semicolons(ctx: &Context, items: &[usize]) -> Vec<Vec<usize>> {
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for (n, &i) in items.iter().enumerate() {
        let new_run = n == 0 || {
            let gap = ctx.between(ctx.q(items[n - 1]).span.end, ctx.q(i).span.start);
            gap.contains(['；', ';'])
        };
        match groups.last_mut() {
            Some(g) if !new_run => g.push(i),
            _ => groups.push(vec![i]),
        }
    }
    groups
}

/// A count followed by the name of what it counts (`打造14个特色服务区`): the things a verb
/// before it acts on.
fn counts_objects(ctx: &Context, i: usize) -> bool {
    let q = ctx.q(i);
    let rest = &ctx.text[q.span.end..ctx.sentence.range.end.max(q.span.end)];
    let name = rest
        .split(['，', '。', '；', '：', '、', ',', ';', '（', '('])
        .next()
        .unwrap_or("");
    q.kind == crate::number::Kind::Count
        && name.chars().count() >= 2
        && name.chars().all(|c| !c.is_ascii_digit())
}

/// The clauses of this sentence (after the 其中), at least `min` of them, each hold one figure,
/// all of one unit, none of them a change.
fn plain_enumeration(
    ctx: &Context,
    segments: &[(std::ops::Range<usize>, bool)],
    min: usize,
) -> bool {
    let own: Vec<Vec<usize>> = segments
        .iter()
        .filter(|(_, own)| *own)
        .map(|(c, _)| ctx.quantities_in(c.clone()).collect::<Vec<usize>>())
        .skip_while(|figures| figures.is_empty())
        .collect();
    let firsts: Vec<usize> = own.iter().filter(|f| f.len() == 1).map(|f| f[0]).collect();
    own.len() >= min
        && firsts.len() == own.len()
        && firsts.iter().all(|&i| {
            // Counted things (persons, beds, institutions) under 其中 are classes of the whole;
            // an amount (area, money) of another name may be another activity
            // (`造林…，其中人工造林…，森林抚育…`).
            // An item led by a verb (`培训农村劳动力8.6万人`) counts what was done, not a class
            // of the whole.
            let name = item_name(ctx.metric(i));
            ctx.q(i).kind == Kind::Count
                && starts_with_any(name, &ctx.vocab.whole.actions).is_none()
                && !ctx.is_change(i)
                && ctx.comparable(firsts[0], i)
                && !ctx.metric(i).is_empty()
        })
}

/// How alike two names are: the longer of their common head and common opening.
fn likeness(a: &str, b: &str) -> usize {
    let (a, b) = (unglossed(a), unglossed(b));
    common_suffix(a, b).max(common_opening(a, b))
}

/// A name without the gloss in brackets at its end (`工矿商贸事故（含采矿业…）` → `工矿商贸事故`).
fn unglossed(name: &str) -> &str {
    name.strip_suffix(['）', ')'])
        .and_then(|inner| inner.rfind(['（', '(']).map(|open| &inner[..open]))
        .unwrap_or(name)
}

/// How many characters two names share at their starts.
fn common_opening(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Two names share a head or an opening of two characters or more (`第一产业增加值`,
/// `第二产业增加值`; `能繁母猪存栏` and `生猪出栏` do not).
fn closely_parallel(a: &str, b: &str) -> bool {
    likeness(a, b) >= 2
}

/// Two items of one enumeration name their metrics alike: the same head (`夏粮产量`, `秋粮产量`),
/// the same opening of two characters or more (`培训企业职工`, `培训失业人员`; `村委会` and `村民小组` are not
/// one enumeration), or no name before the figure at all.
fn parallel(a: &str, b: &str) -> bool {
    let (a, b) = (unglossed(a), unglossed(b));
    (a.is_empty() && b.is_empty()) || common_suffix(a, b) > 0 || common_opening(a, b) >= 2
}

/// The items are all of their whole: each names one class of a partition in `[whole]
/// partitions` and together they name every class (`其中中央财政赤字…，地方财政赤字…`), or the
/// last is the rest (`…，其他卫生机构22个`).
fn covers_whole(ctx: &Context, parts: &[usize]) -> bool {
    let names: Vec<&str> = parts.iter().map(|&p| ctx.metric(p)).collect();
    names_cover_whole(ctx, &names)
}

/// The whole's name holds a run of characters that open the items' names, one each and every
/// one used (`猪牛羊禽肉` of `猪肉`, `牛肉`, `羊肉`, `禽肉`; `进出口` of `出口`, `进口`): a name that
/// joins its classes' heads says they are all of it.
fn spelled_out(ctx: &Context, whole: usize, parts: &[usize]) -> bool {
    let heads: Vec<char> = parts
        .iter()
        .filter_map(|&p| item_name(ctx.metric(p)).chars().next())
        .collect();
    if heads.len() != parts.len() || heads.len() < 2 {
        return false;
    }
    let mut sorted = heads.clone();
    sorted.sort_unstable();
    sorted.dedup();
    if sorted.len() != heads.len() {
        return false;
    }
    // What the items' names share after their heads (`肉产量`): the whole's name goes on with
    // it right after the run, so the run is all of the compound (`猪牛羊` of `猪牛羊禽肉` is not).
    let rests: Vec<Vec<char>> = parts
        .iter()
        .map(|&p| item_name(ctx.metric(p)).chars().skip(1).collect())
        .collect();
    let shared = rests[0]
        .iter()
        .enumerate()
        .take_while(|&(k, c)| rests.iter().all(|r| r.get(k) == Some(c)))
        .count();
    if shared == 0 {
        return false;
    }
    let name: Vec<char> = ctx.metric(whole).chars().collect();
    name.windows(heads.len()).enumerate().any(|(at, w)| {
        let mut run = w.to_vec();
        run.sort_unstable();
        let after = &name[at + w.len()..];
        run == sorted && after.starts_with(&rests[0][..1])
    })
}

/// Items of these names are all of their whole (see `covers_whole`).
pub(super) fn names_cover_whole(ctx: &Context, names: &[&str]) -> bool {
    if names.len() < 2 {
        return false;
    }
    let names: Vec<&str> = names.iter().map(|n| item_name(n)).collect();
    let (last, others) = names.split_last().expect("two names or more");
    if names_the_rest(last) || rest_of_kind(last, others) {
        return true;
    }
    if let [a, b] = names.as_slice()
        && complements(a, b)
    {
        return true;
    }
    let automata = ctx.vocab.automata();
    let named: Vec<Vec<(usize, usize)>> = names.iter().map(|n| automata.classes_named(n)).collect();
    (0..automata.partition_sizes.len())
        .any(|p| !automata.table_only[p] && automata.names_every_class(p, &named))
}

/// The last of items of these names is the rest of their whole (`其他卫生机构`, `服务及其他人员`
/// after `管理人员`): the item a writer derives by difference, so the one to change when the items
/// do not add up.
pub(crate) fn last_names_the_rest(names: &[&str]) -> bool {
    let names: Vec<&str> = names.iter().map(|n| item_name(n)).collect();
    match names.split_last() {
        Some((last, others)) if !others.is_empty() => {
            names_the_rest(last) || rest_of_kind(last, others)
        }
        _ => false,
    }
}

/// An item's name without the separators and the 其中 that open it (`，其中：工资性收入`).
fn item_name(name: &str) -> &str {
    const OPENERS: [char; 4] = ['，', '：', ':', '、'];
    without_qizhong(name.trim_start_matches(OPENERS)).trim_start_matches(OPENERS)
}

/// An item named as the rest of its whole: `其他卫生机构`, `其余…`, `基础设施等其他用地`.
fn names_the_rest(name: &str) -> bool {
    let name = item_name(name);
    name.starts_with("其他")
        || name.starts_with("其余")
        || name.contains("等其他")
        || name.contains("等其余")
}

/// `服务及其他人员` after `管理人员`, `民办及其他养老机构` after `公办养老机构`: a last item that
/// joins one class to the others of the kind the items before name. A name that holds 及其他
/// for a class of its own (`服装及其他纤维制品制造业` among `纺织业`, `食品加工业`) is none.
fn rest_of_kind(last: &str, others: &[&str]) -> bool {
    ["及其他", "和其他"].iter().any(|w| {
        last.find(w).is_some_and(|at| {
            let kind = &last[at + w.len()..];
            others.iter().any(|o| o.ends_with(kind))
        })
    })
}

/// Two items named as a class and its complement (`人发制品出口`, `非人发制品出口`; `城镇私营
/// 单位`, `城镇非私营单位`): between them, all of the whole.
fn complements(a: &str, b: &str) -> bool {
    let complement = |x: &str, y: &str| {
        y.match_indices('非').any(|(at, w)| {
            x.len() + w.len() == y.len()
                && x.get(..at) == Some(&y[..at])
                && x.get(at..) == Some(&y[at + w.len()..])
        })
    };
    !a.is_empty() && (complement(a, b) || complement(b, a))
}

/// The name X of a sentence that opens `在X中，`.
fn within_named(sentence: &str) -> Option<&str> {
    let head = sentence.split(['，', ',']).next()?;
    plain_name(head.strip_prefix('在')?.strip_suffix('中')?)
}

/// The name X of a clause that opens `在X中有` or `在X中，`.
fn within_clause(clause: &str) -> Option<&str> {
    let body = clause.strip_prefix('在')?;
    let end = ["中有", "中，"].iter().filter_map(|w| body.find(w)).min()?;
    plain_name(&body[..end])
}

/// X of `在X中`: a name of two to twelve characters, no figure or punctuation in it.
fn plain_name(name: &str) -> Option<&str> {
    let ok = (2..=12).contains(&name.chars().count())
        && !name.contains(|c: char| c.is_ascii_digit() || "，；。、（）".contains(c));
    ok.then_some(name)
}

/// The sentence opens with a breakdown heading: `分产业看，`, `按经营地分，`, `从构成看，`.
fn breakdown_heading(sentence: &str) -> bool {
    let Some(head) = sentence
        .split(['，', ','])
        .next()
        .filter(|h| h.len() < sentence.len())
    else {
        return false;
    };
    let n = head.chars().count();
    let by = (head.starts_with('分') && head.ends_with('看'))
        || (head.starts_with('按') && head.ends_with('分'))
        || head == "从构成看"
        || head == "从结构看";
    by && (3..=10).contains(&n) && !head.contains(|c: char| c.is_ascii_digit())
}

/// The sentences a `；` at the end of this one chains to, up to the full stop.
fn chained<'c>(ctx: &'c Context) -> impl Iterator<Item = &'c Sentence> + 'c {
    let mut open = ctx.text[..ctx.sentence.range.end].ends_with(['；', ';']);
    ctx.later
        .iter()
        .take_while(move |s| {
            let go = open && s.paragraph == ctx.sentence.paragraph;
            open = ctx.text[..s.range.end].ends_with(['；', ';']);
            go
        })
        .take(MAX_CHAINED)
}

/// How many `；`-chained sentences an enumeration is followed into.
const MAX_CHAINED: usize = 12;

/// When `at` opens a bracket (`博物馆39个（其中国有博物馆17个…）`), the figure the bracket follows.
fn bracketed_whole(ctx: &Context, at: usize) -> Option<usize> {
    let b = ctx.tree.bracket_of(at)?;
    let bracket = &ctx.tree.brackets[b];
    if !ctx
        .between(bracket.inner(ctx.text).start, at)
        .trim()
        .is_empty()
    {
        return None;
    }
    attached_figure(ctx, bracket.range.start)
}

/// The figure that ends right before offset `open` (a bracket), with only spaces between.
fn attached_figure(ctx: &Context, open: usize) -> Option<usize> {
    let i = ctx.before(open).last()?;
    let gap = ctx.between(ctx.q(i).span.end, open);
    (gap.trim().is_empty() && ctx.is_measure(i) && !ctx.is_average(i) && !ctx.is_change(i))
        .then_some(i)
}

/// A bracket right after a figure that breaks it down: `义务754113人（小学449319人，初中304794
/// 人）`, `铁路599公里（干线533公里、支线66公里）`, `（含公交车2990辆…）`. Its figures are parts of
/// the figure when the bracket opens with 含/包括, or holds nothing but named figures of the
/// same unit. A bracket with another figure of the same metric (`（上年为4800亿元）`) or that
/// leaves something out (`不含`) is no breakdown.
pub fn breakdowns(ctx: &Context, claims: &mut Vec<Claim>) {
    for (b, bracket) in ctx.tree.brackets.iter().enumerate() {
        let Some(whole) = attached_figure(ctx, bracket.range.start) else {
            continue;
        };
        let inner = bracket.inner(ctx.text);
        let body = ctx.between(inner.start, inner.end);
        let figures: Vec<usize> = ctx
            .sentence
            .quantities
            .iter()
            .copied()
            .filter(|&i| {
                let q = ctx.q(i);
                q.span.start >= inner.start
                    && q.span.end <= inner.end
                    && ctx.tree.bracket_of(q.span.start) == Some(b)
            })
            // `4.5吨以上普通货车15840辆`: a figure in an item's name is no item.
            .filter(|&i| {
                !super::repeat::attributive(ctx.text, ctx.quantities, &ctx.sentence.quantities, i)
            })
            .collect();
        if figures.is_empty() || body.starts_with("其中") {
            continue; // `其中` in a bracket is read by `parts`
        }
        let scoped = ["含", "包括", "包含"].iter().any(|w| body.starts_with(w));
        let all_parts = figures
            .iter()
            .all(|&i| ctx.comparable(i, whole) && !ctx.is_change(i) && !ctx.is_average(i));
        let named = figures.iter().all(|&i| !ctx.metric(i).is_empty());
        let restated = [
            "上年",
            "去年",
            "同比",
            "比",
            "较",
            "为",
            "约",
            "不含",
            "不包括",
            "扣除",
        ]
        .iter()
        .any(|w| body.starts_with(w));
        // `医院和卫生院120个（医院85个）`: one figure named as one of the classes the whole
        // joins is a part of it.
        let member = figures.len() == 1 && names_member(ctx.metric(whole), ctx.metric(figures[0]));
        if restated || !all_parts || !(scoped || member || (named && figures.len() >= 2)) {
            continue;
        }
        let mut listed = figures.len() >= 2 && joined_by_items(ctx, &figures);
        // `一般债39.44亿元（还本5亿元、付息34.44亿元）`: classes of a partition are all of it;
        // their sum is the `sum` rules', as for `其中` items.
        if covers_whole(ctx, &figures) {
            listed = false;
            claims.push(plain_total(whole, figures.clone()));
        }
        claims.push(Claim::Parts {
            whole,
            parts: figures,
            listed,
        });
    }
}

/// `whole` joins two classes or more (`医院和卫生院`) and `part` is one of them.
fn names_member(whole: &str, part: &str) -> bool {
    let whole = without_qizhong(whole);
    let members: Vec<&str> = whole.split(['和', '及', '与', '、']).collect();
    !part.is_empty() && members.len() >= 2 && members.contains(&part)
}

/// The whole among `fitting` candidates for part `p`: the one whose metric ends like the part's
/// (`在校生` for `在校生`), else the nearest when the whole stands in 其中's own sentence. When
/// the whole is in the sentence before, several candidates and no name to tell them apart give
/// none.
fn pick_whole(ctx: &Context, fitting: &[usize], p: usize, from_previous: bool) -> Option<usize> {
    let part = without_qizhong(ctx.metric(p));
    // Scored by the longest name shared, then by the head shared: between `农林牧渔业总产值` and
    // `农林牧渔业增加值`, `渔业实现产值` is of the 产值.
    let scored: Vec<(usize, (usize, usize))> = fitting
        .iter()
        .map(|&w| {
            // Across sentences a shared name (`农民工`) tells the whole; within a clause the
            // nearest figure does, and a shared word there (`地方`) says little.
            let whole = ctx.metric(w);
            let run = if from_previous {
                common_run(whole, part)
            } else {
                0
            };
            let head = common_suffix(whole, part);
            (w, (head.max(run), head))
        })
        .collect();
    let best = scored.iter().map(|&(_, n)| n).max()?;
    let top: Vec<usize> = scored
        .iter()
        .filter(|&&(_, n)| n == best)
        .map(|&(w, _)| w)
        .collect();
    if best.0 >= 2 && top.len() == 1 {
        return Some(top[0]);
    }
    if fitting.len() == 1 || !from_previous {
        return fitting.last().copied();
    }
    None
}

/// The figures are the `、` items of one enumeration: nothing but a separator and the next
/// item's name between them.
fn joined_by_items(ctx: &Context, figures: &[usize]) -> bool {
    figures.windows(2).all(|w| {
        let gap = ctx.between(ctx.q(w[0]).span.end, ctx.q(w[1]).span.start);
        gap.starts_with('、') || gap.starts_with('和') || gap.starts_with('及')
    })
}

/// The longest run of characters two names share (`本地农民工` and `全国农民工总量`: 3).
pub(super) fn common_run(a: &str, b: &str) -> usize {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let mut best = 0;
    let mut row = vec![0usize; b.len() + 1];
    for x in &a {
        let mut diagonal = 0;
        for (j, y) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = if x == y { diagonal + 1 } else { 0 };
            best = best.max(row[j + 1]);
            diagonal = above;
        }
    }
    best
}

/// How many characters two names share at their ends (`私人汽车保有量`, `民用汽车保有量`: 5).
pub(super) fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// `before` uses a total word of `words`; a bare 共 or 总 counts only on its own (`共受理`,
/// `总计`), not inside 公共, 共同, 共享 or 总体. All words are looked for in one pass.
fn names_total(before: &str, words: &Words) -> bool {
    words.occurrences(before).any(|(i, w)| {
        if w.chars().count() > 1 {
            return true;
        }
        let prev = before[..i].chars().next_back();
        let next = before[i + w.len()..].chars().next();
        prev != Some('公')
            && !matches!(
                next,
                Some(
                    '同' | '享'
                        | '建'
                        | '识'
                        | '治'
                        | '商'
                        | '产'
                        | '赢'
                        | '体'
                        | '书'
                        | '和'
                        | '青'
                        | '性'
                        | '部'
                )
            )
    })
}

/// A total and all its parts: `合计T，分为…三类，分别为a、b、c` and `a、b、c，合计T`.
pub fn totals(ctx: &Context, claims: &mut Vec<Claim>) {
    let sentence_start = ctx.sentence.range.start;
    for &t in &ctx.sentence.quantities {
        let found = recalled(ctx, t)
            .or_else(|| closed_by_deng(ctx, t))
            .or_else(|| named_members(ctx, t))
            .or_else(|| included(ctx, t));
        if let Some(parts) = found {
            claims.push(plain_total(t, parts));
            continue;
        }
        if !ctx.is_measure(t) {
            continue;
        }
        let before = ctx.clause_before(t);
        let stated_total = names_total(before, &ctx.vocab.whole.total) || before.contains("累计");
        if !stated_total {
            continue;
        }
        // Parts after the total, introduced as all of it.
        let after_start = ctx.q(t).span.end;
        let rest = ctx.between(after_start, ctx.sentence.range.end);
        let years_word = rfind_any(rest, &ctx.vocab.whole.years);
        if let Some((i, word)) = rfind_any(rest, &ctx.vocab.whole.exhaustive).or(years_word) {
            let list_from = after_start + i + word.len();
            let parts: Vec<usize> = ctx
                .sentence
                .quantities
                .iter()
                .copied()
                .filter(|&p| ctx.q(p).span.start >= list_from && ctx.comparable(p, t))
                .collect();
            if parts.len() >= 2 {
                claims.push(Claim::Total {
                    total: t,
                    parts,
                    over_years: years_word.is_some(),
                    rounded: false,
                });
                continue;
            }
        }
        // Parts before a total written after them: `刑事1.2万件、民事3.4万件，合计5.4万件`.
        if let Some(sum_word) = ends_with_any(before, &ctx.vocab.whole.sum) {
            let floor = ctx
                .between(sentence_start, ctx.q(t).span.start)
                .rfind("其中")
                .map_or(sentence_start, |i| sentence_start + i);
            // The budget layout `收入X。加上A、B、C，收入总计T`: T is X and what is added to it.
            if let Some(k) = plus_word(ctx.between(floor, ctx.q(t).span.start)) {
                let head = before.strip_suffix(sum_word).unwrap_or(before);
                if let Some(parts) = added_to(ctx, t, floor + k, head) {
                    claims.push(plain_total(t, parts));
                }
                continue;
            }
            let mut before_total: Vec<usize> = ctx
                .before(ctx.q(t).span.start)
                .filter(|&p| ctx.q(p).span.start >= floor)
                .collect();
            // `…行政案件300件三类，合计4800件`: the number of the parts, said after the last,
            // is no part.
            if let [parts @ .., last] = before_total.as_slice()
                && counts_parts(ctx, *last, parts)
            {
                before_total.pop();
            }
            // Only a plain list of comparable figures adds up to the total.
            if before_total.len() >= 2 && before_total.iter().all(|&p| ctx.comparable(p, t)) {
                claims.push(plain_total(t, before_total));
            }
        }
    }
}

/// `刑事案件1200件、民事案件3400件、行政案件300件三类`: figure `n` right after the last of
/// `parts` counts them, in a measure word of kinds (`类`, `项`, `种`).
fn counts_parts(ctx: &Context, n: usize, parts: &[usize]) -> bool {
    let (q, Some(&last)) = (ctx.q(n), parts.last()) else {
        return false;
    };
    q.kind == crate::number::Kind::Count
        && q.unit_text(ctx.text)
            .is_some_and(|u| matches!(u, "类" | "项" | "种" | "大类"))
        && q.value == rust_decimal::Decimal::from(parts.len())
        && ctx.between(ctx.q(last).span.end, q.span.start).is_empty()
}

/// `西药类占70.8%，中成药类占14.6%、中药材类占2.4%，以上三类占比合计为87.8%`: a total of the
/// n items just named, when the sentence before the total's clause holds exactly n figures
/// like it (levels, not changes), so which items are recalled is not in doubt.
fn recalled(ctx: &Context, t: usize) -> Option<Vec<usize>> {
    let lead = ctx.clause_before(t);
    let rest = ["以上", "上述", "前述"]
        .iter()
        .find_map(|w| lead.strip_prefix(w))?;
    let n = count_word(rest)?;
    if ends_with_any(lead, &ctx.vocab.whole.sum).is_none()
        && !ctx.vocab.whole.sum.iter().any(|w| {
            lead.match_indices('为')
                .any(|(j, _)| lead[..j].ends_with(w.as_str()))
        })
    {
        return None;
    }
    let clause = ctx.clause_start(ctx.q(t).span.start);
    let items: Vec<usize> = ctx
        .before(clause)
        .filter(|&i| ctx.comparable(i, t) && !ctx.is_change(i) && !ctx.is_average(i))
        .collect();
    (items.len() == n).then_some(items)
}

/// `加上新增转移支付（127.92亿元）、上年结转（20.41亿元）…等174.6亿元`: items each glossed with
/// its figure in brackets, closed by 等 and their total. Every figure of the clause before the
/// total is such a gloss, the items are joined by `、` and nothing but 等 stands between the
/// last bracket and the total.
fn closed_by_deng(ctx: &Context, t: usize) -> Option<Vec<usize>> {
    let start = ctx.q(t).span.start;
    let lead = ctx.clause_before(t);
    let clause = start - lead.len();
    let items: Vec<usize> = ctx
        .before(start)
        .filter(|&i| ctx.q(i).span.start >= clause)
        .collect();
    if items.len() < 2
        || !items
            .iter()
            .all(|&i| ctx.comparable(i, t) && !ctx.is_change(i))
    {
        return None;
    }
    let glossed = |i: usize| {
        let span = &ctx.q(i).span;
        ctx.text[..span.start].ends_with(['（', '('])
            && ctx.text[span.end..].starts_with(['）', ')'])
    };
    let closing = |&i: &usize| {
        let end = ctx.q(i).span.end;
        end + ctx.text[end..].chars().next().map_or(0, char::len_utf8)
    };
    let last_close = items.last().map(closing)?;
    let joined = items.windows(2).all(|w| {
        let gap = ctx.between(closing(&w[0]), ctx.q(w[1]).span.start);
        gap.starts_with('、')
    });
    (items.iter().all(|&i| glossed(i)) && joined && ctx.between(last_close, start) == "等")
        .then_some(items)
}

/// `限额182亿元，包括一般债务限额53亿元、专项债务限额129亿元`: a figure and the `、` items of
/// the `包括` clause right after it, when they name every class of a partition or end with the
/// rest (`其他…`). 包括 often lists only some of a whole, so nothing less makes them all of it.
fn included(ctx: &Context, t: usize) -> Option<Vec<usize>> {
    let end = ctx.q(t).span.end;
    let after = ctx.between(end, ctx.sentence.range.end);
    let list = after
        .strip_prefix(['，', ','])?
        .strip_prefix("包括")?
        .trim_start_matches(['：', ':']);
    if !ctx.is_measure(t) || ctx.is_change(t) || ctx.is_average(t) {
        return None;
    }
    let list_from = ctx.sentence.range.end - list.len();
    let list_end = list_from
        + list
            .find(['，', '；', '。', ',', ';'])
            .unwrap_or(list.len());
    let items: Vec<usize> = ctx
        .sentence
        .quantities
        .iter()
        .copied()
        .filter(|&i| ctx.q(i).span.start >= list_from && ctx.q(i).span.end <= list_end)
        .collect();
    let plain = |&i: &usize| ctx.comparable(i, t) && !ctx.is_change(i) && ctx.at_top_level(i);
    (items.len() >= 2
        && items.iter().all(plain)
        && joined_by_items(ctx, &items)
        && covers_whole(ctx, &items))
    .then_some(items)
}

/// `华东36.3%；中南27.0%；华北15.2%；…。其中，华东、中南、华北三大区域…占78.5%`: a share of
/// members named before, each with a share of its own: the members are counted (`三大`), each
/// names exactly one earlier figure like the total, and that figure's whole name is the member.
fn named_members(ctx: &Context, t: usize) -> Option<Vec<usize>> {
    if ctx.q(t).kind != crate::number::Kind::Percent {
        return None;
    }
    let lead = ctx.clause_before(t);
    let (at, n) = lead
        .char_indices()
        .find_map(|(i, _)| count_word(&lead[i..]).map(|n| (i, n)))?;
    let names: Vec<&str> = lead[..at].split('、').collect();
    let plain = |name: &&str| {
        (1..=6).contains(&name.chars().count()) && !name.contains(|c: char| c.is_ascii_digit())
    };
    if names.len() != n || !names.iter().all(plain) {
        return None;
    }
    let clause = ctx.clause_start(ctx.q(t).span.start);
    let earlier: Vec<usize> = ctx
        .earlier_figures(clause)
        .filter(|&i| ctx.comparable(i, t) && !ctx.is_change(i))
        .collect();
    names
        .iter()
        .map(|name| {
            let mut named = earlier.iter().copied().filter(|&i| ctx.metric(i) == *name);
            match (named.next(), named.next()) {
                (Some(i), None) => Some(i),
                _ => None,
            }
        })
        .collect()
}

/// The count a recall opens with: `三类`, `两项`, `4个`, `五大`.
fn count_word(text: &str) -> Option<usize> {
    const NUMERALS: [char; 9] = ['两', '三', '四', '五', '六', '七', '八', '九', '十'];
    let first = text.chars().next()?;
    let n = match NUMERALS.iter().position(|&c| c == first) {
        Some(k) => k + 2,
        None => first.to_digit(10).filter(|&d| d >= 2)? as usize,
    };
    let after = text[first.len_utf8()..].chars().next()?;
    matches!(after, '类' | '项' | '个' | '大' | '种' | '者').then_some(n)
}

/// Where `text` (from a sentence's start or a 其中) adds to the figure before: `加上`, or a
/// clause opening with `加` followed by what is added (`，加结转资金15万元`), not the verbs
/// 加快, 加强, 加大….
pub(super) fn plus_word(text: &str) -> Option<usize> {
    let opening = text.match_indices('加').map(|(i, _)| i).find(|&i| {
        let prev = text[..i].chars().next_back();
        let next = text[i + '加'.len_utf8()..].chars().next();
        matches!(prev, None | Some('，' | '。' | '；' | ',' | ';'))
            && !matches!(
                next,
                Some(
                    '快' | '强'
                        | '大'
                        | '速'
                        | '紧'
                        | '以'
                        | '深'
                        | '重'
                        | '剧'
                        | '工'
                        | '入'
                        | '之'
                )
            )
    });
    match (text.find("加上"), opening) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `X。加上A、B，收入总计T`: the figures added after `加上` at `plus`, with the base X they are
/// added to: the nearest level before `加上` whose metric ends with the total's (`收入` for
/// `收入总计`). No base, no claim: the added figures alone are not the total.
fn added_to(ctx: &Context, t: usize, plus: usize, head: &str) -> Option<Vec<usize>> {
    let head: String = head
        .chars()
        .rev()
        .take(2)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if head.chars().count() < 2 {
        return None;
    }
    let level = |i: usize| ctx.comparable(i, t) && ctx.is_measure(i) && !ctx.is_change(i);
    let added: Vec<usize> = ctx
        .before(ctx.q(t).span.start)
        .filter(|&i| ctx.q(i).span.start > plus && level(i))
        .collect();
    let base = ctx
        .earlier_figures(plus)
        .find(|&i| level(i) && !ctx.under_qizhong(i) && ctx.metric(i).ends_with(head.as_str()))?;
    (!added.is_empty()).then(|| std::iter::once(base).chain(added).collect())
}

/// A total read from the text's words, over one period, whose parts are not rounded means.
fn plain_total(total: usize, parts: Vec<usize>) -> Claim {
    Claim::Total {
        total,
        parts,
        over_years: false,
        rounded: false,
    }
}
