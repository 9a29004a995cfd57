//! `hedui serve` through a real socket on loopback: each kind of draft, the limits (413, 408,
//! a zip bomb, malformed uploads), same-origin rules, escaping, and 50 uploads at once, each
//! answered as `hedui check` answers.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use base64::Engine;

/// A `hedui serve` on a free loopback port, stopped when dropped.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(extra: &[&str]) -> Server {
        let mut args = vec!["--isolated"];
        args.extend_from_slice(extra);
        Server::with(&args)
    }

    fn start_with_config(config: &Path) -> Server {
        Server::with(&["--config", config.to_str().unwrap()])
    }

    fn with(args: &[&str]) -> Server {
        Server::with_env(args, &[])
    }

    fn with_env(args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hedui"))
            .args(["serve", "--bind", "127.0.0.1:0"])
            .args(args)
            .env_remove("HEDUI_FORCE_PANIC")
            .env_remove("HEDUI_FORCE_DELAY")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("hedui serve starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .split("http://")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap_or_else(|| panic!("no address in {line:?}"))
            .to_string();
        Server { child, addr }
    }
}

impl Server {
    /// Stops the server and gives what it wrote on stderr.
    fn stop(mut self) -> String {
        let _ = self.child.kill();
        let mut err = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = e.read_to_string(&mut err);
        }
        err
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[derive(Debug)]
struct Reply {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Reply {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The bytes of the `data:` download whose link names `file_suffix`.
    fn download(&self, file_suffix: &str) -> Option<Vec<u8>> {
        let at = self.body.find(&format!("{file_suffix}\" href=\"data:"))?;
        let rest = &self.body[at..];
        let start = rest.find("base64,")? + "base64,".len();
        let end = start + rest[start..].find('"')?;
        base64::engine::general_purpose::STANDARD
            .decode(&rest[start..end])
            .ok()
    }
}

fn connect(addr: &str) -> TcpStream {
    let stream = TcpStream::connect(addr).expect("connects");
    stream
        .set_read_timeout(Some(Duration::from_secs(60)))
        .unwrap();
    stream
}

fn read_reply(mut stream: TcpStream) -> Reply {
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no head in {:?}", String::from_utf8_lossy(&raw)));
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_string(), v.trim().to_string()))
        .collect();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&raw[split + 4..]).to_string(),
    }
}

/// Sends `head` (request line and headers, without the blank line) and `body`.
fn send(addr: &str, head: &str, body: &[u8]) -> Reply {
    let mut stream = connect(addr);
    let mut raw = format!("{head}\r\nConnection: close\r\n\r\n").into_bytes();
    raw.extend_from_slice(body);
    // The server may answer (413) and close before all of a body is written.
    let _ = stream.write_all(&raw);
    read_reply(stream)
}

fn get(addr: &str, path: &str) -> Reply {
    send(addr, &format!("GET {path} HTTP/1.1\r\nHost: {addr}"), b"")
}

const BOUNDARY: &str = "----heduiTestBoundary7MA4YWxk";

fn form(name: &str, bytes: &[u8]) -> Vec<u8> {
    let mut body = format!(
        "--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"draft\"; filename=\"{name}\"\r\n\
         Content-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{BOUNDARY}--\r\n").as_bytes());
    body
}

fn post_with(addr: &str, extra_headers: &str, body: &[u8]) -> Reply {
    send(
        addr,
        &format!(
            "POST /check HTTP/1.1\r\nHost: {addr}\r\nContent-Type: multipart/form-data; \
             boundary={BOUNDARY}\r\nContent-Length: {}{extra_headers}",
            body.len()
        ),
        body,
    )
}

fn upload(addr: &str, name: &str, bytes: &[u8]) -> Reply {
    post_with(addr, "", &form(name, bytes))
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn scratch(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("hedui-serve-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&d);
    std::fs::create_dir_all(&d).unwrap();
    d
}

/// `hedui check --output-format json` on `bytes` saved as `name`, run where the file is, so
/// the report's path is the same bare name the page was given.
fn cli_json(name: &str, bytes: &[u8]) -> String {
    let dir = scratch(&format!("cli-{}", name.replace('.', "-")));
    std::fs::write(dir.join(name), bytes).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_hedui"))
        .args(["check", "--isolated", "--output-format", "json", name])
        .current_dir(&dir)
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The seed report with one figure of a growth claim changed: 424万件 becomes 410万件, so the
/// stated 191% no longer follows from 145.5万件.
fn changed_seed() -> Vec<u8> {
    let text = std::fs::read_to_string(root().join("fixtures/real/spc-2021-part1.txt")).unwrap();
    let at = text.find("145.5万件、424").expect("the seed's series");
    let mut changed = text.clone();
    changed.replace_range(at + "145.5万件、".len()..at + "145.5万件、424".len(), "410");
    changed.into_bytes()
}

fn assert_served_like_check(reply: &Reply, name: &str, bytes: &[u8]) -> serde_json::Value {
    assert_eq!(reply.status, 200, "{}", reply.body);
    let json = reply.download(".hedui.json").expect("a JSON download");
    let json = String::from_utf8(json).unwrap();
    assert_eq!(
        json,
        cli_json(name, bytes),
        "the page's JSON is `hedui check`'s"
    );
    serde_json::from_str(&json).unwrap()
}

fn docx_part(docx: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).ok()?;
    let mut entry = zip.by_name(name).ok()?;
    let mut text = String::new();
    entry.read_to_string(&mut text).ok()?;
    Some(text)
}

#[test]
fn the_page_and_its_assets_come_from_the_binary_with_strict_headers() {
    let server = Server::start(&[]);
    let page = get(&server.addr, "/");
    assert_eq!(page.status, 200);
    assert!(page.body.contains("enctype=\"multipart/form-data\""));
    let csp = page.header("content-security-policy").expect("a CSP");
    assert!(csp.contains("default-src 'none'") && csp.contains("script-src 'self'"));
    assert_eq!(page.header("x-content-type-options"), Some("nosniff"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    for path in ["/app.css", "/app.js"] {
        let asset = get(&server.addr, path);
        assert_eq!(asset.status, 200, "{path}");
        assert!(asset.body.len() > 500, "{path}");
    }
    // No asset from outside: every src and href of the page is the server's own.
    for attr in ["src=\"", "href=\""] {
        for piece in page.body.split(attr).skip(1) {
            assert!(piece.starts_with('/') || piece.starts_with('#'), "{piece}");
        }
    }
}

#[test]
fn the_seed_report_with_one_figure_changed_shows_the_broken_growth_claim() {
    let server = Server::start(&[]);
    let draft = changed_seed();
    let started = Instant::now();
    let reply = upload(&server.addr, "spc-2021-part1.txt", &draft);
    eprintln!("upload to result: {:?}", started.elapsed());
    let json = assert_served_like_check(&reply, "spc-2021-part1.txt", &draft);
    let findings = json["files"][0]["diagnostics"].as_array().unwrap();
    assert_eq!(findings.len(), 1, "{json}");
    assert_eq!(findings[0]["code"], "growth-mismatch");
    // The stated figure is marked and anchored; base and new value are marked as its figures.
    assert!(
        reply.body.contains(
            "<span class=\"anchor\" id=\"f0\"></span><mark class=\"figure stated\" \
             data-f=\"0\">191%</mark>"
        ),
        "{}",
        reply.body
    );
    assert!(
        reply
            .body
            .contains("<mark class=\"figure\" data-f=\"0\">145.5万件</mark>")
    );
    assert!(
        reply
            .body
            .contains("<mark class=\"figure\" data-f=\"0\">410")
    );
    // The finding beside the text, in Chinese, with its arithmetic, linking to its figure.
    assert!(reply.body.contains("<a href=\"#f0\" data-f=\"0\">"));
    assert!(
        reply
            .body
            .contains("(410万件 − 145.5万件) ÷ 145.5万件 ≈ 181.79%")
    );
    assert!(reply.body.contains("已检查 1 个文件：1 个错误（error）"));
    // The annotated copy says the same in its margin.
    let docx = reply.download(".hedui.docx").expect("an annotated copy");
    let comments = docx_part(&docx, "word/comments.xml").expect("a comments part");
    assert!(comments.contains("w:author=\"hedui\""));
    assert!(comments.contains("(410万件 − 145.5万件) ÷ 145.5万件 ≈ 181.79%"));
    assert!(comments.contains("growth-mismatch"));
}

#[test]
fn each_kind_of_draft_is_checked_as_check_checks_it() {
    let server = Server::start(&[]);
    // Markdown: a figure inside a code block is not prose.
    let md = "# 工作报告\n\n全年受理案件39347件，审结35773件，结案率99.4%。\n\n```\n\
              受理100件，审结50件，结案率90%。\n```\n"
        .as_bytes()
        .to_vec();
    // GB18030 text.
    let (gb, _, _) =
        encoding_rs::GB18030.encode("全年受理案件39347件，审结35773件，结案率99.4%。\n");
    let docx = std::fs::read(root().join("fixtures/docx/tracked-changes.docx")).unwrap();
    let clean = std::fs::read(root().join("fixtures/real/spc-2021-part1.txt")).unwrap();
    for (name, bytes, findings) in [
        ("draft.md", md, 1),
        ("gb18030.txt", gb.to_vec(), 1),
        ("tracked-changes.docx", docx, 2),
        ("spc-2021-part1.txt", clean, 0),
    ] {
        let reply = upload(&server.addr, name, &bytes);
        let json = assert_served_like_check(&reply, name, &bytes);
        let count = json["files"][0]["diagnostics"].as_array().unwrap().len();
        assert_eq!(count, findings, "{name}: {json}");
        let copy = reply.download(".hedui.docx").expect("an annotated copy");
        let comments = docx_part(&copy, "word/comments.xml").unwrap_or_default();
        assert_eq!(
            comments.matches("w:author=\"hedui\"").count(),
            findings,
            "{name}"
        );
        if findings == 0 {
            assert!(reply.body.contains("未发现数字不一致"), "{name}");
        }
    }
}

#[test]
fn an_upload_past_the_limit_gets_a_413_page() {
    let server = Server::start(&["--max-upload-mib", "1"]);
    // Declared too large: answered before the body is read.
    let reply = send(
        &server.addr,
        &format!(
            "POST /check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; \
             boundary={BOUNDARY}\r\nContent-Length: 99999999999999",
            server.addr
        ),
        b"",
    );
    assert_eq!(reply.status, 413);
    assert!(reply.body.contains("文件太大") && reply.body.contains("1 MiB"));
    // Too large only as it arrives (chunked, no length): cut off at the limit.
    let body = form("big.txt", &vec![b'x'; 3 << 20]);
    let mut chunked = Vec::new();
    for chunk in body.chunks(64 << 10) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let reply = send(
        &server.addr,
        &format!(
            "POST /check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; \
             boundary={BOUNDARY}\r\nTransfer-Encoding: chunked",
            server.addr
        ),
        &chunked,
    );
    assert_eq!(reply.status, 413);
    // The server still serves.
    assert_eq!(get(&server.addr, "/").status, 200);
}

#[test]
fn malformed_uploads_get_a_400_page() {
    let server = Server::start(&[]);
    let cut = form("a.txt", "受理39347件".as_bytes());
    for (what, reply) in [
        (
            "no boundary",
            send(
                &server.addr,
                &format!(
                    "POST /check HTTP/1.1\r\nHost: {}\r\nContent-Type: text/plain\r\n\
                     Content-Length: 3",
                    server.addr
                ),
                b"abc",
            ),
        ),
        (
            "body cut short",
            post_with(&server.addr, "", &cut[..cut.len() - 20]),
        ),
        (
            "another boundary",
            post_with(&server.addr, "", b"--other\r\n\r\nabc\r\n--other--\r\n"),
        ),
        (
            "no file",
            post_with(&server.addr, "", format!("--{BOUNDARY}--\r\n").as_bytes()),
        ),
    ] {
        assert_eq!(reply.status, 400, "{what}: {}", reply.body);
        assert!(reply.body.contains("<main class=\"problem\">"), "{what}");
    }
    // Not a draft at all: a 422 page saying why.
    let reply = upload(
        &server.addr,
        "image.txt",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10",
    );
    assert_eq!(reply.status, 422, "{}", reply.body);
}

#[test]
fn a_zip_bomb_is_refused_and_the_server_goes_on() {
    let server = Server::start(&[]);
    // 80 MiB of XML that deflates to well under 1 MiB: past the server's part limit.
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("word/document.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..80 {
        zip.write_all(&block).unwrap();
    }
    let bomb = zip.finish().unwrap().into_inner();
    assert!(bomb.len() < 1 << 20);
    let reply = upload(&server.addr, "bomb.docx", &bomb);
    assert_eq!(reply.status, 422, "{}", reply.body);
    assert!(reply.body.contains("document.xml"), "{}", reply.body);
    assert_eq!(get(&server.addr, "/").status, 200);
}

#[test]
fn fifty_uploads_at_once_are_each_answered_as_check_answers() {
    let server = Server::start(&[]);
    let draft = changed_seed();
    let expected = cli_json("spc-2021-part1.txt", &draft);
    let started = Instant::now();
    let replies: Vec<(Reply, Duration)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..50)
            .map(|_| {
                let (addr, draft) = (&server.addr, &draft);
                scope.spawn(move || {
                    let t = Instant::now();
                    (upload(addr, "spc-2021-part1.txt", draft), t.elapsed())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let total = started.elapsed();
    let slowest = replies.iter().map(|(_, t)| *t).max().unwrap();
    eprintln!("50 concurrent uploads: all answered in {total:?}, slowest {slowest:?}");
    for (reply, _) in &replies {
        assert_eq!(reply.status, 200);
        let json = String::from_utf8(reply.download(".hedui.json").unwrap()).unwrap();
        assert_eq!(json, expected);
    }
}

#[test]
fn a_slow_client_times_out_without_holding_up_others() {
    let server = Server::start(&["--timeout", "2"]);
    let mut slow = connect(&server.addr);
    write!(
        slow,
        "POST /check HTTP/1.1\r\nHost: {}\r\nContent-Type: multipart/form-data; \
         boundary={BOUNDARY}\r\nContent-Length: 100000\r\n\r\n--{BOUNDARY}\r\n",
        server.addr
    )
    .unwrap();
    let started = Instant::now();
    // Meanwhile another editor's upload is checked at once.
    let other = upload(
        &server.addr,
        "a.txt",
        "受理39347件，审结35773件，结案率99.4%。".as_bytes(),
    );
    assert_eq!(other.status, 200);
    assert!(started.elapsed() < Duration::from_secs(2));
    let reply = read_reply(slow);
    let waited = started.elapsed();
    assert_eq!(reply.status, 408, "{}", reply.body);
    assert!(
        waited >= Duration::from_millis(1500) && waited < Duration::from_secs(10),
        "{waited:?}"
    );
}

#[test]
fn a_check_past_its_time_gets_a_503_page_and_others_go_on() {
    let server = Server::with_env(
        &["--isolated", "--timeout", "1"],
        &[("HEDUI_FORCE_DELAY", "slow.txt:4000")],
    );
    let draft = "受理39347件，审结35773件，结案率99.4%。".as_bytes();
    let started = Instant::now();
    let reply = upload(&server.addr, "slow.txt", draft);
    assert_eq!(reply.status, 503, "{}", reply.body);
    assert!(reply.body.contains("核对超时"));
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert_eq!(upload(&server.addr, "fast.txt", draft).status, 200);
}

#[test]
fn a_check_that_fails_inside_gets_a_500_page_and_the_server_goes_on() {
    let server = Server::with_env(&["--isolated"], &[("HEDUI_FORCE_PANIC", "boom.txt")]);
    let draft = "受理39347件，审结35773件，结案率99.4%。".as_bytes();
    let reply = upload(&server.addr, "boom.txt", draft);
    assert_eq!(reply.status, 500, "{}", reply.body);
    assert!(
        !reply.body.contains("HEDUI_FORCE_PANIC"),
        "no internals on the page"
    );
    assert_eq!(upload(&server.addr, "fine.txt", draft).status, 200);
    // The log says a check failed, and nothing of the draft: not its name, not the panic.
    let log = server.stop();
    assert!(log.contains("500"), "{log}");
    assert!(
        !log.contains("boom") && !log.contains("HEDUI_FORCE_PANIC"),
        "{log}"
    );
}

#[test]
fn only_same_origin_requests_are_served() {
    let server = Server::start(&[]);
    let body = form("a.txt", "受理39347件".as_bytes());
    let cross = post_with(&server.addr, "\r\nOrigin: http://evil.example", &body);
    assert_eq!(cross.status, 403);
    for site in ["cross-site", "same-site"] {
        let fetched = post_with(&server.addr, &format!("\r\nSec-Fetch-Site: {site}"), &body);
        assert_eq!(fetched.status, 403, "{site}");
    }
    // Behind a TLS proxy the browser's Origin names the proxy; its Sec-Fetch-Site is believed.
    let proxied = post_with(
        &server.addr,
        "\r\nOrigin: https://reports.example\r\nSec-Fetch-Site: same-origin",
        &body,
    );
    assert_eq!(proxied.status, 200);
    let same = post_with(
        &server.addr,
        &format!("\r\nOrigin: http://{}", server.addr),
        &body,
    );
    assert_eq!(same.status, 200);
    assert!(same.header("access-control-allow-origin").is_none());
    // A link from another site opens the page.
    let linked = send(
        &server.addr,
        &format!(
            "GET / HTTP/1.1\r\nHost: {}\r\nSec-Fetch-Site: cross-site",
            server.addr
        ),
        b"",
    );
    assert_eq!(linked.status, 200);
    // A loopback server answers only to loopback names (no DNS rebinding).
    let rebound = send(&server.addr, "GET / HTTP/1.1\r\nHost: evil.example:80", b"");
    assert_eq!(rebound.status, 403);
}

#[test]
fn no_request_path_reaches_the_file_system() {
    let server = Server::start(&[]);
    for path in [
        "/Cargo.toml",
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/app.css/../../Cargo.toml",
        "/etc/passwd",
        "/check/../Cargo.toml",
    ] {
        let reply = get(&server.addr, path);
        assert_eq!(reply.status, 404, "{path}");
        assert!(!reply.body.contains("[package]"), "{path}");
    }
    assert_eq!(get(&server.addr, "/check").status, 405);
}

#[test]
fn everything_from_the_draft_is_escaped() {
    let server = Server::start(&[]);
    let name = "<img src=x onerror=alert(1)>.txt";
    let text = "<script>alert(1)</script>全年受理案件39347件，审结35773件，结案率99.4%。\n";
    let reply = upload(&server.addr, name, text.as_bytes());
    assert_eq!(reply.status, 200, "{}", reply.body);
    assert!(!reply.body.contains("<script>alert"));
    assert!(!reply.body.contains("<img src=x"));
    assert!(reply.body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert!(
        reply
            .body
            .contains("&lt;img src=x onerror=alert(1)&gt;.txt")
    );
}

#[test]
fn one_settings_file_serves_every_upload() {
    let dir = scratch("config");
    let config = dir.join("hedui.toml");
    std::fs::write(&config, "ignore = [\"rate-mismatch\"]\n").unwrap();
    let server = Server::start_with_config(&config);
    let reply = upload(
        &server.addr,
        "a.txt",
        "全年受理案件39347件，审结35773件，结案率99.4%。".as_bytes(),
    );
    assert_eq!(reply.status, 200);
    assert!(reply.body.contains("未发现数字不一致"), "{}", reply.body);
}
