//! `hedui serve`: a page on which an editor drops a draft and sees its findings, with the
//! annotated .docx and the JSON report to download.
//!
//! Drafts are confidential. An upload lives in memory for the one request that carries it:
//! nothing is written to disk, nothing about it is logged, and no part of a request (path,
//! query, file name) ever names a file to read; the page and its two assets are compiled in.
//! Every request is bounded: the upload size (413 past it), the time to receive it (408), the
//! time to check it (503), the inflated size of a .docx part (the zip-bomb guard of
//! [`crate::source::docx`]), and the number of checks running at once (others wait their turn
//! within their time). Checks run on blocking threads with no lock between them.

mod page;
mod upload;

use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use http_body_util::{BodyExt, Full, Limited};
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderValue};
use hyper::{Method, Request, Response, StatusCode};

use crate::config::Config;
use crate::report::diagnostic::Report;
use crate::source::Document;

pub use page::marked_text;

/// The limits of the server.
#[derive(Debug, Clone)]
pub struct Options {
    /// The largest upload read, in bytes.
    pub max_upload: usize,
    /// The time a request has from its first byte: to send its upload, and then to be checked.
    pub timeout: Duration,
    /// Checks running at once; more wait for a turn within their own time.
    pub max_checks: usize,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_upload: 8 << 20,
            timeout: Duration::from_secs(30),
            max_checks: std::thread::available_parallelism().map_or(2, |n| n.get() * 2),
        }
    }
}

/// How far one part of an uploaded .docx may inflate: ample for any report (a 500-page
/// report's text is a few MiB of XML), small enough for many uploads at once.
pub const MAX_PART_BYTES: u64 = 64 << 20;

/// How long a connection may take to send a request's headers.
const HEADER_TIMEOUT: Duration = Duration::from_secs(10);

/// How long a connection is served before it is closed (after the request in flight).
const CONNECTION_LIFETIME: Duration = Duration::from_secs(120);

/// What the server shares between requests: read-only settings and the permits of checks.
struct State {
    config: Arc<Config>,
    options: Options,
    checks: Arc<tokio::sync::Semaphore>,
    /// The address served: a loopback server answers only to loopback host names.
    local: SocketAddr,
}

/// Serves on `listener` until the process ends. Each upload is checked with `config`.
pub fn run(
    listener: std::net::TcpListener,
    config: Config,
    options: Options,
) -> std::io::Result<()> {
    // A check that fails inside is answered with a 500 page; what the panic said (which may
    // quote the draft or name its file) is not printed.
    std::panic::set_hook(Box::new(|_| {
        eprintln!("{}", crate::messages::serve_internal_error());
    }));
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_io()
        .enable_time()
        .build()?;
    runtime.block_on(accept_loop(listener, config, options))
}

async fn accept_loop(
    listener: std::net::TcpListener,
    config: Config,
    options: Options,
) -> std::io::Result<()> {
    listener.set_nonblocking(true)?;
    let local = listener.local_addr()?;
    let listener = tokio::net::TcpListener::from_std(listener)?;
    let state = Arc::new(State {
        checks: Arc::new(tokio::sync::Semaphore::new(options.max_checks.max(1))),
        config: Arc::new(config),
        options,
        local,
    });
    loop {
        // A failed accept (a client gone, too many open files) ends no other connection.
        let Ok((stream, _)) = listener.accept().await else {
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let state = state.clone();
        let grace = state.options.timeout + HEADER_TIMEOUT;
        tokio::spawn(async move {
            let service = hyper::service::service_fn(move |request| {
                let state = state.clone();
                async move { Ok::<_, Infallible>(respond(&state, request).await) }
            });
            let connection = hyper::server::conn::http1::Builder::new()
                .timer(hyper_util::rt::TokioTimer::new())
                .header_read_timeout(HEADER_TIMEOUT)
                .serve_connection(hyper_util::rt::TokioIo::new(stream), service);
            let mut connection = std::pin::pin!(connection);
            // A connection's errors are its client's (gone, malformed, too slow): not logged.
            // Nor may a client hold a connection for ever (kept alive, or never reading its
            // answer): after CONNECTION_LIFETIME the request in flight may finish within its
            // own time, then the connection is closed.
            if tokio::time::timeout(CONNECTION_LIFETIME, connection.as_mut())
                .await
                .is_err()
            {
                connection.as_mut().graceful_shutdown();
                let _ = tokio::time::timeout(grace, connection).await;
            }
        });
    }
}

type Reply = Response<Full<Bytes>>;

/// The response to one request, with the headers every response carries.
async fn respond(state: &State, request: Request<Incoming>) -> Reply {
    let mut reply = route(state, request).await;
    let headers = reply.headers_mut();
    for (name, value) in [
        (header::CONTENT_SECURITY_POLICY, page::CSP),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        // Not `no-referrer`: with it, browsers send `Origin: null` on the page's own form posts.
        (header::REFERRER_POLICY, "same-origin"),
        (header::CACHE_CONTROL, "no-store"),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        (
            header::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ] {
        headers.insert(name, HeaderValue::from_static(value));
    }
    reply
}

async fn route(state: &State, request: Request<Incoming>) -> Reply {
    if !same_origin(state, &request) {
        return page::problem(StatusCode::FORBIDDEN, &state.options);
    }
    // Routes are fixed strings: nothing in a request is ever looked up on disk.
    match (request.method(), request.uri().path()) {
        (&Method::GET | &Method::HEAD, "/") => {
            page::html(StatusCode::OK, page::index(&state.options))
        }
        (&Method::GET | &Method::HEAD, "/app.css") => asset("text/css; charset=utf-8", page::CSS),
        (&Method::GET | &Method::HEAD, "/app.js") => {
            asset("text/javascript; charset=utf-8", page::SCRIPT)
        }
        (&Method::POST, "/check") => check(state, request).await,
        // Browsers ask for an icon; there is none, and no error to show for it.
        (&Method::GET | &Method::HEAD, "/favicon.ico") => {
            let mut reply = Response::new(Full::new(Bytes::new()));
            *reply.status_mut() = StatusCode::NO_CONTENT;
            reply
        }
        (_, "/" | "/app.css" | "/app.js" | "/check") => {
            let mut reply = page::problem(StatusCode::METHOD_NOT_ALLOWED, &state.options);
            let allow = if request.uri().path() == "/check" {
                "POST"
            } else {
                "GET, HEAD"
            };
            reply
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static(allow));
            reply
        }
        _ => page::problem(StatusCode::NOT_FOUND, &state.options),
    }
}

/// A request from this server's own page, or from no page at all (a script, curl): a page of
/// another site may link here but not post drafts here, and a loopback server answers only to
/// loopback names, so that no other site's name can be pointed at it (DNS rebinding).
fn same_origin(state: &State, request: &Request<Incoming>) -> bool {
    let header = |name| {
        request
            .headers()
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
    };
    let Some(host) = header(header::HOST) else {
        return false;
    };
    if state.local.ip().is_loopback() {
        let name = host.rsplit_once(':').map_or(host, |(name, _)| name);
        if !matches!(name, "127.0.0.1" | "localhost" | "[::1]") {
            return false;
        }
    }
    // Opening the page from a link elsewhere (an office portal) is fine; only what posts a
    // draft must come from the page itself.
    if request.method() == Method::GET || request.method() == Method::HEAD {
        return true;
    }
    // A browser says itself whether a request comes from this page (`Sec-Fetch-Site`), which no
    // page can forge; behind a reverse proxy the `Origin` it sends names the proxy, so it is
    // compared with `Host` only when a browser too old to say so sent it.
    if let Some(site) = header(header::HeaderName::from_static("sec-fetch-site")) {
        return matches!(site, "same-origin" | "none");
    }
    match header(header::ORIGIN) {
        None => true,
        Some(origin) => origin
            .split_once("://")
            .is_some_and(|(_, rest)| rest.eq_ignore_ascii_case(host)),
    }
}

fn asset(content_type: &'static str, body: &'static str) -> Reply {
    let mut reply = Response::new(Full::new(Bytes::from_static(body.as_bytes())));
    reply
        .headers_mut()
        .insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    reply
}

/// `POST /check`: the upload, checked.
async fn check(state: &State, request: Request<Incoming>) -> Reply {
    let started = Instant::now();
    let limit = state.options.max_upload;
    let declared = request
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok()?.parse::<u64>().ok());
    if declared.is_some_and(|n| n > limit as u64) {
        return page::too_large(&state.options);
    }
    let Some(boundary) = request
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| multer::parse_boundary(v).ok())
    else {
        return page::bad_upload(page::NOT_MULTIPART, &state.options);
    };
    let body = Limited::new(request.into_body(), limit).collect();
    let body = match tokio::time::timeout(state.options.timeout, body).await {
        Err(_) => return page::problem(StatusCode::REQUEST_TIMEOUT, &state.options),
        Ok(Err(e)) if e.is::<http_body_util::LengthLimitError>() => {
            return page::too_large(&state.options);
        }
        Ok(Err(_)) => return page::bad_upload(page::BROKEN_UPLOAD, &state.options),
        Ok(Ok(body)) => body.to_bytes(),
    };
    let file = match upload::file(body, boundary).await {
        Ok(file) => file,
        Err(reason) => return page::bad_upload(reason, &state.options),
    };
    let left = state.options.timeout.saturating_sub(started.elapsed());
    let checks = state.checks.clone();
    let config = &state.config;
    let options = state.options.clone();
    let job = async move {
        let permit = checks
            .acquire_owned()
            .await
            .expect("the semaphore is never closed");
        // The check runs apart from the connection; if its time runs out it still finishes
        // (nothing can stop it midway) but holds its permit until then, so at most
        // `max_checks` run at once however many time out.
        let config = Arc::clone(config);
        // The page is written there too: for a large draft it is work, not waiting.
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                checked(file, &config).map(|result| page::result(&result, &options))
            }))
        })
        .await
    };
    match tokio::time::timeout(left, job).await {
        Err(_) => page::problem(StatusCode::SERVICE_UNAVAILABLE, &state.options),
        Ok(Ok(Ok(Ok(page)))) => page::html(StatusCode::OK, page),
        Ok(Ok(Ok(Err(reason)))) => page::unreadable(&reason, &state.options),
        Ok(_) => page::problem(StatusCode::INTERNAL_SERVER_ERROR, &state.options),
    }
}

/// An upload checked: what the page shows and offers.
pub struct Checked {
    /// The file name as the browser gave it.
    pub name: String,
    /// The decoded text the findings point into.
    pub text: String,
    pub report: Report,
    /// The annotated copy, or why it could not be made.
    pub annotated: Result<Vec<u8>, String>,
    /// The report as `hedui check --output-format json` writes it.
    pub json: String,
    /// Whether the text is a .docx's paragraphs (positions are paragraphs, not lines).
    pub docx: bool,
}

/// Checks one uploaded file, as `hedui check` would check it.
pub fn checked(file: upload::File, config: &Config) -> Result<Checked, String> {
    let upload::File { name, bytes } = file;
    let docx = crate::source::docx::looks_like_zip(&bytes);
    let annotate_from = docx.then(|| bytes.clone());
    let doc =
        Document::from_vec_within(name.clone(), bytes, MAX_PART_BYTES).map_err(|e| e.reason())?;
    crate::check::forced_failure(&doc.name);
    let report = crate::check::check_document(&doc, config);
    let annotated = match &annotate_from {
        Some(original) => crate::report::annotate::docx_within(original, &report, MAX_PART_BYTES),
        None => crate::report::annotate::text_to_docx(&doc.text, &report),
    };
    let json = crate::report::json::render(std::slice::from_ref(&report));
    Ok(Checked {
        name,
        text: doc.text,
        report,
        annotated,
        json,
        docx,
    })
}

pub use upload::File;

/// The page showing a checked upload (the answer to `POST /check`).
pub fn page(checked: &Checked, options: &Options) -> String {
    page::result(checked, options)
}
