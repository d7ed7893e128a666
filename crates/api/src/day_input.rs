//! Calendar days as people type them: one text field per date in both languages, shown and
//! stored as `YYYY-MM-DD` (a browser's own date field shows mm/dd/yyyy inside a Chinese page).

use chrono::NaiveDate;

/// A day typed as `2026-12-06`, `2026/12/6`, `2026.12.06` or `20261206` (surrounding spaces
/// ignored); `None` when it is not a real day.
pub fn parse_day(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(t, "%Y%m%d").ok();
    }
    let parts: Vec<&str> = t.split(['-', '/', '.']).collect();
    match parts.as_slice() {
        [y, m, d] if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) => {
            let n = |s: &str| s.bytes().all(|b| b.is_ascii_digit()).then(|| s.parse::<u32>().ok()).flatten();
            NaiveDate::from_ymd_opt(n(y)? as i32, n(m)?, n(d)?)
        }
        _ => None,
    }
}

/// The canonical text of a typed day (`YYYY-MM-DD`), or the text unchanged when it is not a
/// day (so what the person typed is kept and can be corrected).
pub fn normalise_day(text: &str) -> String {
    parse_day(text).map_or_else(|| text.to_string(), |d| d.format("%Y-%m-%d").to_string())
}

/// Whether a field holds something that is not a day (empty is fine: no bound).
pub fn is_bad_day(text: &str) -> bool {
    !text.trim().is_empty() && parse_day(text).is_none()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_days() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 6);
        for t in ["2026-12-06", " 2026/12/6 ", "2026.12.06", "20261206", "2026-12-6"] {
            assert_eq!(parse_day(t), d, "{t}");
        }
        for t in ["", "2026-13-01", "2026-02-30", "12/06/2026", "2026-12", "２０２６-12-06", "2026-12-06x", "+2026-1-1"]
        {
            assert_eq!(parse_day(t), None, "{t}");
        }
        assert_eq!(normalise_day("2026/1/5"), "2026-01-05");
        assert_eq!(normalise_day("06/12/2026"), "06/12/2026");
        assert!(is_bad_day("tomorrow") && !is_bad_day("  ") && !is_bad_day("2026-01-05"));
    }
}
