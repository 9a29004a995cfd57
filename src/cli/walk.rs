//! The files a `check` run reads: paths as given, directories walked.
//!
//! A directory is walked recursively for drafts (.txt, .md, .markdown, .docx), honouring
//! `.gitignore`, `.ignore` and hidden-file conventions as ripgrep does; `--glob` narrows or
//! excludes (`!`) by pattern. A path given explicitly is always read, whatever its extension.

use std::path::{Path, PathBuf};

use ignore::WalkBuilder;
use ignore::overrides::OverrideBuilder;

/// Extensions of drafts found when walking a directory.
pub const DRAFT_EXTENSIONS: &[&str] = &["txt", "md", "markdown", "docx"];

/// One input of a run, in the order given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File(PathBuf),
    Stdin,
}

/// Expands paths into inputs; errors name the path that could not be walked.
pub fn inputs(paths: &[PathBuf], globs: &[String]) -> (Vec<Input>, Vec<String>) {
    let mut out = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Input::Stdin);
        } else if path.is_dir() {
            walk(path, globs, &mut out, &mut errors);
        } else {
            // Missing files and unreadable ones are reported when read, with the reason.
            out.push(Input::File(path.clone()));
        }
    }
    (out, errors)
}

fn walk(dir: &Path, globs: &[String], out: &mut Vec<Input>, errors: &mut Vec<String>) {
    let mut overrides = OverrideBuilder::new(dir);
    for g in globs {
        if let Err(e) = overrides.add(g) {
            errors.push(format!("--glob {g}: {e}"));
        }
    }
    let overrides = match overrides.build() {
        Ok(o) => o,
        Err(e) => {
            errors.push(format!("--glob: {e}"));
            return;
        }
    };
    let has_whitelist = globs.iter().any(|g| !g.starts_with('!'));
    let walker = WalkBuilder::new(dir)
        .overrides(overrides)
        .require_git(false)
        .follow_links(false)
        .sort_by_file_path(|a, b| a.cmp(b))
        .build();
    for entry in walker {
        match entry {
            Ok(e) => {
                let is_file = e.file_type().is_some_and(|t| t.is_file());
                let draft = e
                    .path()
                    .extension()
                    .and_then(|x| x.to_str())
                    .is_some_and(|x| DRAFT_EXTENSIONS.contains(&x.to_ascii_lowercase().as_str()));
                if is_file && (draft || has_whitelist) {
                    out.push(Input::File(e.into_path()));
                }
            }
            Err(e) => errors.push(e.to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn walks_directories_in_order_and_honours_gitignore() {
        let dir = std::env::temp_dir().join(format!("hedui-walk-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        for f in [
            "b.txt",
            "a.md",
            "sub/c.txt",
            "skip.txt",
            "image.png",
            "sub/d.docx",
        ] {
            std::fs::write(dir.join(f), "x").unwrap();
        }
        std::fs::write(dir.join(".gitignore"), "skip.txt\n").unwrap();
        let (inputs, errors) = inputs(std::slice::from_ref(&dir), &[]);
        assert!(errors.is_empty(), "{errors:?}");
        let names: Vec<String> = inputs
            .iter()
            .map(|i| match i {
                Input::File(p) => p.strip_prefix(&dir).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(names, ["a.md", "b.txt", "sub/c.txt", "sub/d.docx"]);
        let (inputs, _) = super::inputs(std::slice::from_ref(&dir), &["*.md".into()]);
        assert_eq!(inputs.len(), 1);
        let (inputs, _) = super::inputs(std::slice::from_ref(&dir), &["!sub/**".into()]);
        assert_eq!(inputs.len(), 2);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
