//! Which prior report each checked file is held against: `--prior` for every file, a
//! `[[pair]]` of hedui.toml, or with `--pair-by-year` the file of the same name a year earlier
//! (a file whose name holds no year is dated by the first `YYYY年` of its opening lines, and
//! paired within its directory).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use super::walk::Input;

/// The year in a file name (`gov-work-report-2021.txt` → 2021) and the name without it, so
/// reports of one series pair up and different series (`anhui-2026`, `beijing-2026`) do not.
pub fn year_of(path: &Path) -> Option<(String, i32)> {
    let name = path.file_name()?.to_str()?;
    let bytes = name.as_bytes();
    let mut found = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i].is_ascii_digit() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            if i - start == 4
                && let Ok(year) = name[start..i].parse::<i32>()
                && (1949..=2200).contains(&year)
            {
                found = Some((start, year));
            }
        } else {
            i += 1;
        }
    }
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    match found {
        Some((at, year)) => {
            let series = format!("{}/{}*{}", dir.display(), &name[..at], &name[at + 4..]);
            Some((series, year))
        }
        None => year_in_opening(path).map(|year| (format!("{}/", dir.display()), year)),
    }
}

/// The first `YYYY年` in the first kilobyte of a file (`——2021年3月5日在…`).
fn year_in_opening(path: &Path) -> Option<i32> {
    use std::io::Read;
    let mut head = Vec::new();
    std::fs::File::open(path)
        .ok()?
        .take(1024)
        .read_to_end(&mut head)
        .ok()?;
    let text = String::from_utf8_lossy(&head);
    text.match_indices('年').find_map(|(k, _)| {
        let digits = text.get(k.checked_sub(4)?..k)?;
        let before = text[..k - 4].chars().next_back();
        let year: i32 = digits.parse().ok()?;
        ((1949..=2200).contains(&year) && !before.is_some_and(|c| c.is_ascii_digit()))
            .then_some(year)
    })
}

fn canonical(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The earlier reports of each input, in input order, each with how many years back it is:
/// `--prior`, `prior` or a `[[pair]]` give last year's; by year, every earlier report of the
/// same series among the inputs.
pub fn prior_paths(
    inputs: &[Input],
    prior: &[PathBuf],
    pairs: &[(PathBuf, PathBuf)],
    by_year: bool,
) -> Vec<Vec<(u32, PathBuf)>> {
    let pairs: HashMap<PathBuf, &PathBuf> = pairs
        .iter()
        .map(|(current, prior)| (canonical(current), prior))
        .collect();
    let dated: Vec<((String, i32), &PathBuf)> = inputs
        .iter()
        .filter_map(|i| match i {
            Input::File(p) => year_of(p).map(|k| (k, p)),
            Input::Stdin => None,
        })
        .collect();
    inputs
        .iter()
        .map(|input| {
            if !prior.is_empty() {
                return prior.iter().map(|p| (1, p.clone())).collect();
            }
            let Input::File(path) = input else {
                return Vec::new();
            };
            if let Some(p) = pairs.get(&canonical(path)) {
                return vec![(1, p.to_path_buf())];
            }
            if !by_year {
                return Vec::new();
            }
            let Some((series, year)) = year_of(path) else {
                return Vec::new();
            };
            let mut earlier: Vec<(u32, PathBuf)> = dated
                .iter()
                .filter(|((s, y), _)| *s == series && *y < year)
                .filter_map(|((_, y), p)| Some((u32::try_from(year - y).ok()?, p.to_path_buf())))
                .collect();
            earlier.sort();
            earlier
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_pair_within_a_series() {
        let (s1, y1) = year_of(Path::new("c/gov-work-report-2021.txt")).unwrap();
        let (s2, y2) = year_of(Path::new("c/gov-work-report-2022.txt")).unwrap();
        assert_eq!((s1 == s2, y1, y2), (true, 2021, 2022));
        let (anhui, _) = year_of(Path::new("c/gov-work-report-anhui-2026.txt")).unwrap();
        let (beijing, _) = year_of(Path::new("c/gov-work-report-beijing-2026.txt")).unwrap();
        assert_ne!(anhui, beijing);
        assert_eq!(year_of(Path::new("no-such-draft.txt")), None);
        assert_eq!(year_of(Path::new("report-12345.txt")), None);
        let inputs: Vec<Input> = ["c/r-2020.txt", "c/r-2021.txt", "c/r-2023.txt"]
            .iter()
            .map(|p| Input::File(PathBuf::from(p)))
            .collect();
        let priors = prior_paths(&inputs, &[], &[], true);
        assert_eq!(
            priors,
            [
                vec![],
                vec![(1, PathBuf::from("c/r-2020.txt"))],
                vec![
                    (2, PathBuf::from("c/r-2021.txt")),
                    (3, PathBuf::from("c/r-2020.txt"))
                ],
            ],
            "2023 has no 2022: its earlier reports are 2 and 3 years back"
        );
    }
}
