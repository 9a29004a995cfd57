//! Data flows one way through the pipeline (DESIGN.md): a library module may name only modules
//! below it. Reads every `src/**/*.rs`, resolves each `crate::…` and `super::…` path to the
//! top-level module it reaches, and fails on any arrow that points up or sideways, so a cycle
//! cannot come back unnoticed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The top-level modules of the library, lowest first: each may name only those before it.
const ORDER: &[&str] = &[
    // Basic types.
    "messages",
    "span",
    "interval",
    "lexicon",
    // The pipeline.
    "source",
    "layout",
    "number",
    "structure",
    "claim",
    "rules",
    "report",
    // Orchestration.
    "suppress",
    "config",
    "prior",
    "check",
    "baseline",
    // Front ends over the library: the page for editors, then the command line.
    "serve",
    "cli",
];

/// Submodules of `number`, lowest first (each may still name the parent's own items). Submodules
/// of other top-level modules may name each other: claim/change ↔ claim/list is known and left
/// for now. Within `number` a figure's parse once bounced between expression and context, so
/// the order is pinned there.
const NUMBER_ORDER: &[&str] = &["numeral", "oversize", "context", "expression", "candidates"];

#[test]
fn modules_name_only_modules_below_them() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let reexports = reexports(&std::fs::read_to_string(src.join("lib.rs")).unwrap());
    let mut violations = Vec::new();
    for file in rust_files(&src) {
        let rel = file.strip_prefix(&src).unwrap();
        let module = module_of(rel);
        // lib.rs wires the modules together; main.rs is the binary, a crate of its own.
        if module.is_empty() || rel == Path::new("main.rs") {
            continue;
        }
        let from = module[0].as_str();
        let code = std::fs::read_to_string(&file).unwrap();
        for target in references(&module, &code) {
            // A module's own items (`use super::*` in its tests) are no dependency.
            if target.starts_with(&module) {
                continue;
            }
            let Some(first) = target.first() else {
                continue;
            };
            let to = match reexports.get(first) {
                Some(m) => m.as_str(),
                None if ORDER.contains(&first.as_str()) => first.as_str(),
                // An item of lib.rs itself or a glob: nothing to rank.
                None => continue,
            };
            let (mut from, mut to) = (from.to_string(), to.to_string());
            let down = if to != from {
                matches!((rank(ORDER, &from), rank(ORDER, &to)), (Some(a), Some(b)) if b < a)
            } else if from == "number" && module.len() > 1 && target.len() > 1 {
                from = format!("number::{}", module[1]);
                to = format!("number::{}", target[1]);
                // Submodules outside NUMBER_ORDER (the parent's own items) are not ranked.
                match (
                    rank(NUMBER_ORDER, &module[1]),
                    rank(NUMBER_ORDER, &target[1]),
                ) {
                    (Some(a), Some(b)) => b < a,
                    _ => true,
                }
            } else {
                true
            };
            if !down {
                let path = target.join("::");
                violations.push(format!("{}: {from} -> {to} (crate::{path})", rel.display()));
            }
        }
    }
    assert!(
        violations.is_empty(),
        "module arrows that do not point down the pipeline ({}; in number: {}):\n{}",
        ORDER.join(" < "),
        NUMBER_ORDER.join(" < "),
        violations.join("\n")
    );
}

#[test]
fn the_order_lists_every_module_of_lib_rs() {
    let lib = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/lib.rs"));
    let tokens = tokens(&code_of(&lib.unwrap()));
    let mut declared: Vec<&str> = tokens
        .windows(2)
        .filter(|w| w[0] == "mod")
        .map(|w| w[1].as_str())
        .collect();
    declared.sort();
    let mut listed = ORDER.to_vec();
    listed.sort();
    assert_eq!(declared, listed);
}

/// The layering check itself: a path that goes up must be caught however it is written.
#[test]
fn upward_paths_are_resolved() {
    let module = |m: &[&str]| m.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    let found = references(
        &module(&["rules", "kinds", "notice"]),
        "use crate::{check::X, prior};\n\
         // crate::report in a comment\n\
         let s = \"crate::report\";\n\
         mod tests { fn f() { super::super::super::super::report::f(); } }\n\
         fn g() -> crate::config::Config { todo!() }",
    );
    let firsts: Vec<&str> = found.iter().map(|t| t[0].as_str()).collect();
    assert_eq!(firsts, ["check", "prior", "report", "config"]);
    let found = references(
        &module(&["number", "candidates"]),
        "mod tests { use super::*; fn f() { super::super::expression::may_start('{'); } }",
    );
    assert_eq!(found, [vec!["number", "expression", "may_start"]]);
}

fn rank(order: &[&str], m: &str) -> Option<usize> {
    order.iter().position(|&o| o == m)
}

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
    files.sort();
    files
}

/// `rules/kinds/notice.rs` → `[rules, kinds, notice]`; `rules/mod.rs` → `[rules]`.
fn module_of(rel: &Path) -> Vec<String> {
    let mut parts: Vec<String> = rel
        .with_extension("")
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
        parts.pop();
    }
    parts
}

/// Names lib.rs re-exports (`pub use check::check_text`), with the module each comes from, so
/// `crate::check_text` counts as naming `check`.
fn reexports(lib: &str) -> BTreeMap<String, String> {
    let tokens = tokens(&code_of(lib));
    let mut map = BTreeMap::new();
    for (i, w) in tokens.windows(2).enumerate() {
        if w == ["pub", "use"] {
            let mut paths = Vec::new();
            use_tree(&tokens, i + 2, Vec::new(), &mut paths);
            for p in paths {
                if let (Some(first), Some(last)) = (p.first(), p.last()) {
                    map.insert(last.clone(), first.clone());
                }
            }
        }
    }
    map
}

/// Every path from the crate root that `code` names, inside module `module`: `crate::a::b`, and
/// `super::…` chains that climb to the root. Paths in groups (`crate::{a, b::c}`) are expanded.
fn references(module: &[String], code: &str) -> Vec<Vec<String>> {
    let tokens = tokens(&code_of(code));
    // Inline modules (`mod tests { … }`) that are open, with the brace depth they opened at:
    // `super` inside one climbs to the file's own module first.
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0;
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = tokens[i].as_str();
        match t {
            "{" => depth += 1,
            "}" => {
                depth -= 1;
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
            }
            "mod" if tokens.get(i + 2).is_some_and(|t| t == "{") => {
                inline.push(depth);
                depth += 1;
                i += 3;
                continue;
            }
            "crate" if tokens.get(i + 1).is_some_and(|t| t == "::") => {
                i = use_tree(&tokens, i + 2, Vec::new(), &mut found);
                continue;
            }
            "super" if i == 0 || tokens[i - 1] != "::" => {
                let mut up = 0;
                let mut j = i;
                while tokens.get(j).is_some_and(|t| t == "super")
                    && tokens.get(j + 1).is_some_and(|t| t == "::")
                {
                    up += 1;
                    j += 2;
                }
                let here = module.len() + inline.len();
                if up > 0 && up <= here {
                    // The module `super`s climb to, as a path from the root; inline modules
                    // are below the file's module, so the first `inline.len()` steps stay in it.
                    let kept = here - up;
                    let prefix = module[..kept.min(module.len())].to_vec();
                    i = use_tree(&tokens, j, prefix, &mut found);
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    found
}

/// Reads a path (or a `{…}` group of paths) starting at `tokens[i]`, appends each full path
/// after `prefix` to `out`, and returns the index after it.
fn use_tree(
    tokens: &[String],
    mut i: usize,
    prefix: Vec<String>,
    out: &mut Vec<Vec<String>>,
) -> usize {
    let named_from = prefix.len();
    let mut path = prefix;
    loop {
        match tokens.get(i).map(String::as_str) {
            Some("{") => {
                i += 1;
                while tokens.get(i).is_some_and(|t| t != "}") {
                    i = use_tree(tokens, i, path.clone(), out);
                    if tokens.get(i).is_some_and(|t| t == ",") {
                        i += 1;
                    }
                }
                return i + 1;
            }
            Some(t) if is_ident(t) => {
                path.push(t.to_string());
                i += 1;
                if tokens.get(i).is_some_and(|t| t == "::") {
                    i += 1;
                    continue;
                }
                if tokens.get(i).is_some_and(|t| t == "as") {
                    i += 2;
                }
                break;
            }
            // `*`, or `::<…>` after a path: the path ends here.
            _ => {
                if tokens.get(i).is_some_and(|t| t == "*") {
                    i += 1;
                }
                break;
            }
        }
    }
    // `super::*` names nothing past the module it climbed to.
    if path.len() > named_from {
        out.push(path);
    }
    i
}

fn is_ident(t: &str) -> bool {
    t.chars().all(|c| c.is_alphanumeric() || c == '_') && !t.is_empty()
}

/// Identifiers, `::` and single punctuation characters.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_alphanumeric() || c == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
            continue;
        }
        if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_string());
            i += 2;
            continue;
        }
        if !c.is_whitespace() {
            out.push(c.to_string());
        }
        i += 1;
    }
    out
}

/// `src` with comments, strings and character literals blanked, so that neither a doc link nor
/// a message naming `crate::x` counts as a dependency, and a `'{'` does not open a block.
fn code_of(src: &str) -> String {
    let c: Vec<char> = src.chars().collect();
    let ident = |k: usize| c[k].is_alphanumeric() || c[k] == '_';
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    while i < c.len() {
        if c[i] == '/' && c.get(i + 1) == Some(&'/') {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c[i] == '/' && c.get(i + 1) == Some(&'*') {
            let mut open = 0;
            while i < c.len() {
                if c[i] == '/' && c.get(i + 1) == Some(&'*') {
                    open += 1;
                    i += 2;
                } else if c[i] == '*' && c.get(i + 1) == Some(&'/') {
                    open -= 1;
                    i += 2;
                    if open == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
            continue;
        }
        // r"…", r#"…"#, br"…": a raw string ends at a quote followed by as many `#`.
        let raw_start = c[i] == 'r'
            && (i == 0 || !ident(i - 1) || (c[i - 1] == 'b' && (i == 1 || !ident(i - 2))));
        if raw_start {
            let hashes = c[i + 1..].iter().take_while(|&&h| h == '#').count();
            if c.get(i + 1 + hashes) == Some(&'"') {
                let closing = vec!['#'; hashes];
                i += hashes + 2;
                while i < c.len() {
                    if c[i] == '"' && c[i + 1..].starts_with(&closing) {
                        i += 1 + hashes;
                        break;
                    }
                    i += 1;
                }
                out.push(' ');
                continue;
            }
        }
        if c[i] == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
            continue;
        }
        // A character literal ('x', '\n', '\u{3000}'); a lifetime ('a) has no closing quote.
        if c[i] == '\'' {
            if c.get(i + 1) == Some(&'\\') {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push(' ');
                continue;
            }
            if c.get(i + 2) == Some(&'\'') {
                i += 3;
                out.push(' ');
                continue;
            }
        }
        out.push(c[i]);
        i += 1;
    }
    out
}
