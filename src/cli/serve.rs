//! `hedui serve`: the page for editors, over [`crate::serve`].

use std::net::TcpListener;
use std::time::Duration;

use super::{Outcome, ServeArgs, load_config};
use crate::messages;

pub fn run(args: &ServeArgs) -> Outcome {
    // One set of settings for every upload, read once before serving.
    let Some(config) = load_config(&args.settings, &args.rules) else {
        return Outcome::Error;
    };
    let listener = match TcpListener::bind(&args.bind) {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "{}",
                messages::error_line(&messages::cannot_serve(&args.bind, &e))
            );
            return Outcome::Error;
        }
    };
    let options = crate::serve::Options {
        max_upload: usize::try_from(args.max_upload_mib.saturating_mul(1 << 20))
            .unwrap_or(usize::MAX),
        timeout: Duration::from_secs(args.timeout.max(1)),
        ..Default::default()
    };
    let url = match listener.local_addr() {
        Ok(addr) => format!("http://{addr}/"),
        Err(_) => args.bind.clone(),
    };
    // The one line the server writes: where it is. Nothing about any upload is ever printed.
    println!("{}", messages::serving(&url));
    match crate::serve::run(listener, config, options) {
        Ok(()) => Outcome::Clean,
        Err(e) => {
            eprintln!(
                "{}",
                messages::error_line(&messages::cannot_serve(&args.bind, &e))
            );
            Outcome::Error
        }
    }
}
