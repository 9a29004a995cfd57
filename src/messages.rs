//! Every user-facing string of the command line and of the report frame, in Chinese and English:
//! help texts, usage and I/O errors, the summary line, headings. One table, so a translation is
//! complete or visibly not (a test walks the command line and finds each help text here).
//!
//! The rules' own messages and help (the Chinese diagnostics) are the rules' and stay in
//! `rules/*.toml` and the rule kinds.
//!
//! The language is Chinese unless the locale asks for English (`LC_ALL`, `LC_MESSAGES`, `LANG`
//! beginning with `en`, first set wins as in POSIX) or `--lang en` is given.

use std::sync::OnceLock;

/// The language of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language for the rest of the process (the first call wins).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language in force: as set, else Chinese.
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or(Lang::Zh)
}

impl Lang {
    /// `zh`, `zh_CN.UTF-8`, `en`, `en_US.UTF-8` …: English for `en…`, Chinese otherwise.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let tag = tag.trim().to_ascii_lowercase();
        if tag.starts_with("en") {
            Some(Lang::En)
        } else if tag.starts_with("zh") {
            Some(Lang::Zh)
        } else {
            None
        }
    }

    /// The language the locale asks for: the first of `LC_ALL`, `LC_MESSAGES`, `LANG` that is
    /// set and not empty decides; English if it begins with `en`, else Chinese.
    pub fn from_env(get: impl Fn(&str) -> Option<String>) -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .find_map(|k| get(k).filter(|v| !v.is_empty()))
            .and_then(|v| Lang::from_tag(&v))
            .unwrap_or(Lang::Zh)
    }
}

/// The string of the language in force.
macro_rules! t {
    ($zh:expr, $en:expr $(,)?) => {
        match lang() {
            Lang::Zh => $zh,
            Lang::En => $en,
        }
    };
}

// ---------------------------------------------------------------------------------------------
// The report frame.

/// The closing line of the human formats.
pub fn summary(files: usize, errors: usize, warnings: usize, advice: usize) -> String {
    if errors + warnings + advice == 0 {
        t!(
            format!("已检查 {files} 个文件，未发现数字不一致。\n"),
            format!("Checked {files} files: no inconsistent figures found.\n"),
        )
    } else {
        t!(
            format!(
                "已检查 {files} 个文件：{errors} 个错误（error），{warnings} 个警告（warning），{advice} 个提示（advice）。\n"
            ),
            format!(
                "Checked {files} files: {errors} errors, {warnings} warnings, {advice} advice.\n"
            ),
        )
    }
}

/// The heading over figures in other files that a finding rests on: they are not findings.
pub fn related_heading() -> &'static str {
    t!("相关数字（非问题）：", "Related figure (not a finding): ")
}

/// `--screen-reader`: a severity said in words.
pub fn severity_word(severity: &str) -> &'static str {
    match severity {
        "error" => t!("错误", "Error"),
        "warning" => t!("警告", "Warning"),
        _ => t!("提示", "Advice"),
    }
}

/// `--screen-reader`: the characters a span covers, by line and character column.
pub fn position(line: usize, column: usize, end_line: usize, last: usize) -> String {
    if end_line != line {
        t!(
            format!("第 {line} 行第 {column} 列至第 {end_line} 行第 {last} 列"),
            format!("line {line} column {column} to line {end_line} column {last}"),
        )
    } else if last <= column {
        t!(
            format!("第 {line} 行第 {column} 列"),
            format!("line {line} column {column}"),
        )
    } else {
        t!(
            format!("第 {line} 行第 {column}–{last} 列"),
            format!("line {line} columns {column}–{last}"),
        )
    }
}

/// `--screen-reader`: the word before each line of a finding's help.
pub fn help_word() -> &'static str {
    t!("说明：", "Help: ")
}

/// The line under a finding's help that points to its explanation.
pub fn see_explain(code: &str) -> String {
    t!(
        format!("详见 `hedui explain {code}`"),
        format!("See `hedui explain {code}`"),
    )
}

// ---------------------------------------------------------------------------------------------
// Proposed values: the line under a finding's help that says what would make it hold, and the
// alternative edit under it. The figures are written as in the draft; the names are the draft's.

/// `应为 90.9%`: the value the stated figure needs.
pub fn should_be(value: &str) -> String {
    t!(format!("应为 {value}"), format!("should be {value}"))
}

/// `约` where the stated result, rounded as written, allows more than one value of the input at
/// its precision.
fn about(approx: bool) -> (&'static str, &'static str) {
    if approx { ("约", "about ") } else { ("", "") }
}

/// `若结案率为 99.4%，审结应约为 39111件`: the input a stated rate, share or total needs.
pub fn if_stated_is(subject: &str, stated: &str, name: &str, value: &str, approx: bool) -> String {
    let (zh, en) = about(approx);
    t!(
        format!("若{subject}为 {stated}，{name}应{zh}为 {value}"),
        format!("if {subject} is {stated}, {name} should be {en}{value}"),
    )
}

/// `若增长 5.3%，全市进出口总额应约为 3520.4亿元`: the value a stated change needs.
pub fn if_changed_by(word: &str, stated: &str, name: &str, value: &str, approx: bool) -> String {
    let (zh, en) = about(approx);
    t!(
        format!("若{word} {stated}，{name}应{zh}为 {value}"),
        format!("if {word} is {stated}, {name} should be {en}{value}"),
    )
}

/// `若指相对变化，应为 2.0%`: a change in `%` or 个百分点 read the other way.
pub fn if_relative(value: &str) -> String {
    t!(
        format!("若指相对变化，应为 {value}"),
        format!("if a relative change is meant, it should be {value}"),
    )
}

/// `若指两个比率之差，应为 1.9个百分点`.
pub fn if_difference(value: &str) -> String {
    t!(
        format!("若指两个比率之差，应为 {value}"),
        format!("if the difference of the two rates is meant, it should be {value}"),
    )
}

// ---------------------------------------------------------------------------------------------
// Input errors: findings of their own (`io-error`, `decode-error`, `internal-error`) and lines
// on stderr.

/// A file that could not be read.
pub fn cannot_read(name: &str, reason: &str) -> String {
    t!(
        format!("{name}：无法读取：{reason}"),
        format!("{name}: cannot read: {reason}"),
    )
}

/// The reason of an I/O error, by its kind; the system's own text in brackets.
pub fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let zh = match e.kind() {
        K::NotFound => "文件不存在",
        K::PermissionDenied => "没有读取权限",
        K::IsADirectory => "这是一个目录",
        K::InvalidData => "数据无效",
        _ => "读取出错",
    };
    t!(format!("{zh}（{e}）"), e.to_string())
}

/// A directory given where a file is needed.
pub fn is_a_directory() -> String {
    t!("这是一个目录".to_string(), "is a directory".to_string())
}

/// A file whose bytes are not text hedui reads.
pub fn undecodable(name: &str, reason: &str) -> String {
    t!(format!("{name}：{reason}"), format!("{name}: {reason}"))
}

/// The help under an undecodable file.
pub fn undecodable_help() -> &'static str {
    t!(
        "hedui 读取 UTF-8（带或不带 BOM）、带 BOM 的 UTF-16 和 GB18030 文本，以及 .docx；其他格式请另存为 .docx 或导出为 UTF-8 文本",
        "hedui reads UTF-8 (with or without BOM), UTF-16 with a BOM and GB18030 text, and .docx; save other formats as .docx or export them as UTF-8 text",
    )
}

/// A legacy Word/WPS/Excel file (OLE2 compound document).
pub fn legacy_office() -> String {
    t!(
        "这是旧版 Word/WPS/Excel 文件（.doc/.wps/.xls），不是文本：请另存为 .docx，或导出为文本（.txt）".to_string(),
        "a legacy Word/WPS/Excel file (.doc/.wps/.xls), not text: save it as .docx or export the text (.txt)".to_string(),
    )
}

/// A PDF file.
pub fn pdf() -> String {
    t!(
        "这是 PDF 文件，不是文本：请用原稿另存为 .docx，或导出为文本（.txt）".to_string(),
        "a PDF file, not text: save the original as .docx or export the text (.txt)".to_string(),
    )
}

/// Text in another legacy encoding than GB18030 (Big5, Shift-JIS …).
pub fn other_encoding(encoding: &str) -> String {
    t!(
        format!(
            "看来是 {encoding} 编码的文本，不是 UTF-8 或 GB18030：按 GB18030 读会得到乱码，故未检查；请另存为 UTF-8"
        ),
        format!(
            "looks like {encoding} text, not UTF-8 or GB18030: read as GB18030 it would be garbage, so it was not checked; save it as UTF-8"
        ),
    )
}

/// Neither UTF-8 nor GB18030.
pub fn not_utf8_nor_gb18030(valid_up_to: usize) -> String {
    t!(
        format!("不是有效的 UTF-8（第一个错误字节在偏移 {valid_up_to}），也不是有效的 GB18030"),
        format!("not valid UTF-8 (first bad byte at offset {valid_up_to}) and not valid GB18030"),
    )
}

/// A NUL byte in text.
pub fn binary(at: usize) -> String {
    t!(
        format!("看来是二进制文件（偏移 {at} 处有 NUL 字节）；UTF-16 文本须带字节顺序标记（BOM）"),
        format!(
            "looks like a binary file (NUL byte at offset {at}); UTF-16 needs a byte-order mark"
        ),
    )
}

/// The message of an `internal-error` finding.
pub fn internal_error(detail: &str) -> String {
    t!(
        format!("检查此文件时 hedui 内部出错（{detail}），此文件未检查完；其他文件照常检查"),
        format!(
            "hedui failed internally while checking this file ({detail}); the file was not fully checked, the others were"
        ),
    )
}

pub fn internal_error_help() -> &'static str {
    t!(
        "这是 hedui 的缺陷，不是文稿的问题：请把此文件（或能重现的一段）连同 hedui 的版本报告给维护者",
        "This is a bug in hedui, not in the draft: please report it with the file (or a part that reproduces it) and the hedui version",
    )
}

/// The help of an `io-error` finding.
pub fn io_error_help() -> &'static str {
    t!(
        "核对路径和读取权限；此文件未检查",
        "Check the path and the permissions; this file was not checked",
    )
}

// ---------------------------------------------------------------------------------------------
// Usage errors.

/// Nothing to check.
pub fn no_files(paths: &str) -> String {
    t!(
        format!(
            "hedui：没有要检查的文件：{paths} 中没有 .txt、.md、.docx 文稿（或都被 --glob、.gitignore 排除）；确实无文件可查时加 --allow-no-files"
        ),
        format!(
            "hedui: no files to check: no .txt, .md or .docx drafts under {paths} (or --glob / .gitignore excluded them all); add --allow-no-files where that is intended"
        ),
    )
}

/// An unknown rule name, with where it was given (`--select`, a file's `ignore`; may be empty)
/// and the closest rule.
pub fn unknown_rule(place: &str, name: &str, closest: Option<&str>) -> String {
    let text = match closest {
        Some(c) => t!(
            format!(
                "{place}：没有名为 `{name}` 的规则或规则前缀；是否想用 `{c}`？（`hedui rules` 列出全部规则）"
            ),
            format!(
                "{place}: no rule or rule prefix `{name}`; did you mean `{c}`? (`hedui rules` lists them)"
            ),
        ),
        None => t!(
            format!("{place}：没有名为 `{name}` 的规则或规则前缀（`hedui rules` 列出全部规则）"),
            format!("{place}: no rule or rule prefix `{name}` (`hedui rules` lists them)"),
        ),
    };
    text.trim_start_matches(['：', ':', ' ']).to_string()
}

/// An unknown rule for `explain`: the closest one, or all of them.
pub fn no_such_rule(name: &str, closest: Option<&str>, all: &str) -> String {
    let text = unknown_rule("", name, closest);
    match closest {
        Some(_) => error_line(&text),
        None => error_line(&t!(
            format!("{text}；规则有：{all}"),
            format!("{text}; rules: {all}"),
        )),
    }
}

/// A line of stderr for an error.
pub fn error_line(message: &str) -> String {
    t!(
        format!("hedui：错误：{message}"),
        format!("hedui: error: {message}")
    )
}

/// A settings file that is not valid (the TOML parser's own words follow).
pub fn invalid_settings(detail: &str) -> String {
    t!(format!("设置文件有误：{detail}"), detail.to_string())
}

/// `extend` that goes round in a circle.
pub fn extend_too_deep() -> String {
    t!(
        "`extend` 嵌套超过 16 层（循环引用？）".to_string(),
        "`extend` goes more than 16 files deep (a cycle?)".to_string(),
    )
}

/// The help under a settings error.
pub fn settings_help() -> &'static str {
    t!(
        "规则文件：`hedui explain 规则` 显示一条规则；hedui.toml：见 README",
        "rule files: `hedui explain RULE` shows one; hedui.toml: see README",
    )
}

/// The `help:` prefix of an error's help line.
pub fn help_prefix() -> &'static str {
    t!("提示：", "help: ")
}

pub fn cannot_write(path: &str, e: &std::io::Error) -> String {
    t!(
        format!("hedui：无法写入 {path}：{e}"),
        format!("hedui: cannot write {path}: {e}"),
    )
}

pub fn cannot_write_output(e: &std::io::Error) -> String {
    t!(
        format!("hedui：无法写出结果：{e}"),
        format!("hedui: cannot write the output: {e}"),
    )
}

pub fn strip_docx(name: &str) -> String {
    t!(
        format!("hedui：{name}：strip 只处理文本文稿，不处理 .docx"),
        format!("hedui: {name}: strip works on text drafts, not .docx"),
    )
}

pub fn init_exists(path: &str) -> String {
    t!(
        format!("hedui：{path} 已存在；用 --force 覆盖"),
        format!("hedui: {path} exists; use --force to overwrite it"),
    )
}

pub fn init_wrote(path: &str) -> String {
    t!(format!("已写入 {path}\n"), format!("wrote {path}\n"))
}

pub fn baseline_wrote(n: usize, path: &str) -> String {
    t!(
        format!("hedui：已把 {n} 个问题写入 {path}"),
        format!("hedui: wrote {n} findings to {path}"),
    )
}

pub fn baseline_cannot_write(e: &str) -> String {
    t!(
        format!("hedui：无法写入基线 {e}"),
        format!("hedui: cannot write baseline {e}"),
    )
}

pub fn baseline_error(e: &str) -> String {
    t!(format!("hedui：基线 {e}"), format!("hedui: baseline {e}"))
}

pub fn baseline_suppressed(n: usize, path: &str) -> String {
    t!(
        format!("hedui：基线 {path} 略去了 {n} 个问题"),
        format!("hedui: {n} findings left out by baseline {path}"),
    )
}

pub fn baseline_stale(path: &str, code: &str, message: &str) -> String {
    t!(
        format!("hedui：过期的基线条目：{path} {code}（{message}）已不对应任何问题"),
        format!(
            "hedui: stale baseline entry: {path} {code} ({message}) matches no finding any more"
        ),
    )
}

pub fn walk_error(e: &str) -> String {
    t!(format!("hedui：{e}"), format!("hedui: {e}"))
}

// ---------------------------------------------------------------------------------------------
// The command line: help texts and clap's frame.

/// `用法：` / `Usage:`.
pub fn usage_heading() -> &'static str {
    t!("用法：", "Usage: ")
}

/// The heading over a command's options, its colon the language's own (`选项：`).
pub fn options_heading() -> &'static str {
    t!("选项：", "Options:")
}

pub fn arguments_heading() -> &'static str {
    t!("参数：", "Arguments:")
}

pub fn commands_heading() -> &'static str {
    t!("命令：", "Commands:")
}

/// The default of an option, after its help.
pub fn default_value(value: &str) -> String {
    t!(format!("（默认 {value}）"), format!(" [default: {value}]"))
}

/// The line that closes a usage error.
pub fn more_info(command: &str) -> String {
    t!(
        format!("详见 `{command} --help`。"),
        format!("For more information, try `{command} --help`."),
    )
}

/// A usage error of the command line, by clap's kind.
pub fn usage_error(kind: &str, arg: &str, value: &str, valid: &str, suggestion: &str) -> String {
    let mut out = match kind {
        "unknown-argument" => t!(
            format!("未知的选项或参数 `{arg}`"),
            format!("unexpected argument `{arg}`"),
        ),
        "invalid-subcommand" => t!(
            format!("未知的命令 `{arg}`"),
            format!("unrecognized subcommand `{arg}`"),
        ),
        "invalid-value" => t!(
            format!("`{arg}` 的值 `{value}` 无效；可用的值：{valid}"),
            format!("invalid value `{value}` for `{arg}`; possible values: {valid}"),
        ),
        "value-validation" => t!(
            format!("`{arg}` 的值 `{value}` 无效：{valid}"),
            format!("invalid value `{value}` for `{arg}`: {valid}"),
        ),
        "missing-required" => t!(
            format!("缺少必需的参数：{arg}"),
            format!("the following required arguments were not provided: {arg}"),
        ),
        "conflict" => t!(
            format!("`{arg}` 不能与 `{value}` 同时使用"),
            format!("the argument `{arg}` cannot be used with `{value}`"),
        ),
        "missing-value" => t!(
            format!("`{arg}` 需要一个值"),
            format!("a value is required for `{arg}` but none was supplied"),
        ),
        _ => t!(
            format!("命令行有误：{value}"),
            format!("invalid command line: {value}"),
        ),
    };
    if !suggestion.is_empty() {
        out.push_str(&t!(
            format!("；是否想用 `{suggestion}`？"),
            format!("; did you mean `{suggestion}`?"),
        ));
    }
    out
}

/// The help texts of the commands and their arguments, keyed `command` (its `about`) or
/// `command.arg` (the argument's id); `hedui` is the top level, `*` any command.
pub const HELP: &[(&str, &str, &str)] = &[
    (
        "hedui",
        "hedui（核对）：核对中文报告稿中的数字是否彼此一致。",
        "hedui (核对): check that the numbers in a Chinese report draft agree with each other.",
    ),
    ("*.help", "显示帮助", "Print help"),
    ("*.version", "显示版本", "Print version"),
    (
        "*.lang",
        "界面语言：zh（中文）或 en（英文）；默认按 LC_ALL、LC_MESSAGES、LANG，en 开头为英文，否则为中文",
        "Language of the messages: zh (Chinese) or en (English); by default from LC_ALL, LC_MESSAGES, LANG: English when it begins with en, else Chinese",
    ),
    (
        "help",
        "显示本帮助或某个命令的帮助",
        "Print this message or the help of the given subcommand(s)",
    ),
    (
        "check",
        "核对文稿中的数字是否彼此一致。",
        "Check that the figures of drafts agree with each other.",
    ),
    (
        "check.paths",
        "要检查的文稿或目录（.txt、.md、.docx；目录递归查找，遵从 .gitignore）；`-` 读标准输入",
        "Drafts or directories to check (.txt, .md, .docx; directories recursively, honouring .gitignore); `-` reads stdin",
    ),
    (
        "check.glob",
        "遍历目录时只取与此模式匹配的文件（`!` 开头为排除）；可重复",
        "Only walk files matching this glob (`!` to exclude); repeatable",
    ),
    (
        "check.stdin_filename",
        "标准输入（`-`）报告时用的名称，也据此决定读法（`.md`、`.docx`）",
        "The name to report for stdin (`-`), and to choose how to read it (`.md`, `.docx`)",
    ),
    (
        "check.format",
        "输出格式：full（图形报告，标出每个相关数字）、concise（`路径:行:列: 级别[规则] 说明`）、json（第 1 版 JSON）、json-lines（每个问题一行 JSON）、github（GitHub Actions 注释）、sarif（SARIF 2.1.0）、rdjson（reviewdog）、junit（JUnit XML）；也可写作 --format",
        "Output format: full (the graphical report, every number involved underlined), concise (`path:line:col: severity[code] message`), json (the version-1 JSON document), json-lines (one JSON object per finding), github (GitHub Actions annotations), sarif (SARIF 2.1.0), rdjson (reviewdog), junit (JUnit XML); also spelt --format",
    ),
    (
        "check.output_file",
        "把结果写入文件，而不是标准输出",
        "Write the output to a file instead of stdout",
    ),
    (
        "*.rules",
        "额外的规则目录（规则文件、`lexicon.toml`、`claims.toml`）",
        "Extra rule directories (rule files, `lexicon.toml`, `claims.toml`)",
    ),
    (
        "*.config",
        "使用此设置文件，而不是最近的 hedui.toml",
        "Settings file to use instead of the nearest hedui.toml",
    ),
    (
        "*.isolated",
        "不读任何 hedui.toml",
        "Ignore every hedui.toml",
    ),
    (
        "check.select",
        "只运行这些规则（规则名或前缀，逗号分隔）；取代 hedui.toml 的 `select`",
        "Only these rules (ids or prefixes, comma-separated); replaces `select` of hedui.toml",
    ),
    (
        "check.ignore",
        "不运行这些规则（规则名或前缀，逗号分隔）；加在 hedui.toml 的 `ignore` 之上",
        "Not these rules (ids or prefixes, comma-separated); added to `ignore` of hedui.toml",
    ),
    (
        "check.color",
        "人读格式的颜色：auto（终端且未设 NO_COLOR 时）、always 或 never",
        "Colour in the human formats: auto (a terminal without NO_COLOR), always or never",
    ),
    (
        "check.screen_reader",
        "用文字描述每个问题而不画图（供读屏软件）",
        "Describe each finding in sentences instead of drawing it (for screen readers)",
    ),
    (
        "check.statistics",
        "在问题之后按规则统计数量（人读格式）",
        "After the findings, count them per rule (human formats)",
    ),
    (
        "check.exit_zero",
        "有问题也以 0 退出（输入错误仍以 2 退出）",
        "Exit 0 even when there are findings (input errors still exit 2)",
    ),
    (
        "check.prior",
        "上年的报告：未写明基数的同比变化按其中的数字核对（`prior-growth-mismatch`）；可给多次（上年报告、上年统计公报），每个指标用第一个载有它的文件",
        "Last year's report: year-on-year changes whose base the draft does not state are checked against the figures stated there (`prior-growth-mismatch`); repeat it for several files (last year's report and communiqué): each metric uses the first that states it",
    ),
    (
        "check.annotate",
        "写出一份 .docx 副本：每个问题的数字上加 Word 批注，相关数字标黄；原稿不改（.txt、.md 生成新的 .docx）",
        "Write a .docx copy with a Word comment on each finding's figure and its other figures highlighted; the draft is never written (.txt and .md become a new .docx)",
    ),
    (
        "check.pair_by_year",
        "每个文件与所查文件中早一年的同名文件对照（`report-2024.txt` 对 `report-2023.txt`）",
        "Hold each file against the file of the same name a year earlier among those checked (`report-2024.txt` against `report-2023.txt`)",
    ),
    (
        "check.threads",
        "同时检查的文件数；默认每个 CPU 一个。输出总按输入顺序",
        "Files checked at once; default one per CPU. Output stays in input order either way",
    ),
    (
        "check.deny_warnings",
        "有警告也算不通过，不只错误",
        "Fail on warnings too, not only on errors",
    ),
    (
        "check.max_warnings",
        "警告多于 N 个时不通过",
        "Fail when there are more than N warnings",
    ),
    (
        "check.baseline",
        "略去此基线文件中记录的问题；报告其中的过期条目",
        "Leave out the findings recorded in this baseline file; report its stale entries",
    ),
    (
        "check.write_baseline",
        "把当前所有问题记入此基线文件（并以 0 退出）",
        "Record every current finding in this baseline file (and exit 0)",
    ),
    (
        "check.allow_no_files",
        "没有要检查的文件（空目录、--glob 一个也不匹配）时以 0 退出，而不是报错（2）",
        "Exit 0 when there is nothing to check (an empty directory, a --glob matching nothing) instead of failing (2)",
    ),
    (
        "numbers",
        "列出文件中每个数字表达式及其精确值和区间。",
        "List every numeric expression of a file with its exact value and interval.",
    ),
    (
        "*.file",
        "要读的文稿（.txt 或 .md；UTF-8、带 BOM 的 UTF-16 或 GB18030）；`-` 读标准输入",
        "The draft to read (.txt or .md, UTF-8, UTF-16 with BOM or GB18030); `-` reads stdin",
    ),
    (
        "*.format",
        "输出格式：table（表格）或 json",
        "Output format: table or json",
    ),
    (
        "claims",
        "列出 hedui 在文件中读到的关系（比率、增减、列举、部分、合计）。",
        "List the claims hedui reads in a file (rates, changes, lists, parts, totals).",
    ),
    (
        "claims.prior",
        "上年的报告（可给多次）：列出每个同比变化所对照的上年数字、所在文件、相配的指标名，或未对照的原因",
        "Last year's report (may be repeated): list each year-on-year change with the prior figure it was held against, its file and the metric words that matched, or why none was",
    ),
    (
        "claims.tree",
        "在关系之前，把每个含数字的句子显示为分句、列举项和括号的树，标出其中的数字和范围词（其中、分别、比上年…）；JSON 增加 `sentences` 数组",
        "Show each sentence that holds figures as a tree of its clauses, items and brackets, with the figures and scope words (其中, 分别, 比上年…) in each, before its claims; JSON adds a `sentences` array",
    ),
    ("rules", "列出规则。", "List the rules."),
    (
        "explain",
        "解释一条规则：查什么、为什么，以及会报告和不会报告的例子。",
        "Explain a rule: what it checks, why, and an example that fires and one that does not.",
    ),
    (
        "explain.rule",
        "规则名（`hedui rules` 列出全部）",
        "The rule id (`hedui rules` lists them)",
    ),
    (
        "init",
        "在当前目录写一个带注释的 `hedui.toml` 起步文件。",
        "Write a commented starter `hedui.toml` in the current directory.",
    ),
    (
        "init.force",
        "覆盖已有的 hedui.toml",
        "Overwrite an existing hedui.toml",
    ),
    (
        "strip",
        "输出去掉抑制指令（`%% hedui-…` 行、`<!-- hedui-… -->` 注释行）的文稿，可直接发布。",
        "Print a draft without its suppression directives (`%% hedui-…` lines, `<!-- hedui-… -->` comment lines), ready to publish.",
    ),
    (
        "serve",
        "在本机开一个网页：拖入文稿即可看到标出的问题数字和说明，并下载带批注的 .docx 与 JSON 报告。文稿只在内存中，不写盘、不记日志。",
        "Serve a local page: drop a draft on it to see its findings marked in the text, and download the annotated .docx and the JSON report. Drafts stay in memory, never written or logged.",
    ),
    (
        "serve.bind",
        "监听的地址和端口；默认只在本机可用，办公室内网用 0.0.0.0:端口（端口 0 由系统分配）",
        "Address and port to listen on; the default serves this machine only, 0.0.0.0:PORT serves an office network (port 0 picks a free one)",
    ),
    (
        "serve.max_upload_mib",
        "上传文稿的大小上限（MiB），超过时返回 413",
        "Largest upload read, in MiB; larger ones get a 413 page",
    ),
    (
        "serve.timeout",
        "每个请求的时限（秒）：上传和核对都须在此时间内完成",
        "Time limit of each request in seconds, for the upload and the check together",
    ),
    (
        "strip.file",
        "文稿；`-` 读标准输入",
        "The draft; `-` reads stdin",
    ),
    (
        "strip.output",
        "写入此文件，而不是标准输出",
        "Write here instead of stdout",
    ),
];

/// The help text of `key` (`check.glob`, `check`), falling back to `*.arg`.
pub fn help(key: &str) -> Option<&'static str> {
    let pick = |k: &str| {
        HELP.iter()
            .find(|(id, _, _)| *id == k)
            .map(|(_, zh, en)| t!(*zh, *en))
    };
    pick(key).or_else(|| {
        let arg = key.rsplit_once('.')?.1;
        pick(&format!("*.{arg}"))
    })
}

/// `--annotate` with other than one file.
pub fn annotate_one_file() -> String {
    t!(
        "--annotate 只能用于一个文件（不含标准输入）",
        "--annotate takes exactly one file (not stdin)"
    )
    .to_string()
}

/// `hedui serve` listening.
pub fn serving(url: &str) -> String {
    format!(
        "{}{url}{}",
        t!("hedui serve 已启动：", "hedui serve is listening on "),
        t!("（Ctrl-C 停止）", " (Ctrl-C stops it)")
    )
}

/// `hedui serve`: a check failed inside; nothing of the draft is said.
pub fn serve_internal_error() -> &'static str {
    t!(
        "hedui serve：一份文稿核对时内部出错，已返回 500 页面（文稿内容不记录）",
        "hedui serve: a check failed inside and was answered with a 500 page (nothing of the draft is logged)"
    )
}

/// `hedui serve` unable to listen.
pub fn cannot_serve(address: &str, e: &std::io::Error) -> String {
    t!(
        format!("无法在 {address} 上监听：{e}"),
        format!("cannot listen on {address}: {e}")
    )
}

/// `--annotate` naming the draft itself.
pub fn annotate_over_draft(path: &str) -> String {
    format!(
        "{}{path}",
        t!(
            "--annotate 不会覆盖原稿，请另给文件名：",
            "--annotate never overwrites the draft; give another name: "
        )
    )
}

/// The annotated copy was written.
pub fn annotated(path: &str, comments: usize) -> String {
    format!(
        "{}{path}（{comments} {}）",
        t!("已写出批注副本 ", "Annotated copy written to "),
        t!("条批注", "comments")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_locale_chooses_the_language() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(Lang::from_env(env(&[])), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[("LANG", "C.UTF-8")])), Lang::Zh);
        assert_eq!(Lang::from_env(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_env(env(&[("LANG", "en_US.UTF-8"), ("LC_ALL", "zh_CN.UTF-8")])),
            Lang::Zh
        );
        assert_eq!(
            Lang::from_env(env(&[("LANG", "zh_CN.UTF-8"), ("LC_MESSAGES", "en_GB")])),
            Lang::En
        );
        assert_eq!(
            Lang::from_env(env(&[("LC_ALL", ""), ("LANG", "en_US.UTF-8")])),
            Lang::En
        );
    }
}
