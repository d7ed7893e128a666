//! Validation rules shared by the sandbox (which enforces them) and the app (which checks
//! early so people see the problem at the field, before a round trip). Every rule a request's
//! `check()` uses lives here; the request modules only compose them.

use crate::money::{check_input_amount, Amount};
use crate::time::{parse_wire, Instant};
use chrono::Months;

/// Wire times are `2026-01-31T16:00:00Z`: the V, Q and R lists refuse longer values first.
pub const MAX_TIME_LEN: usize = 20;

/// One invalid parameter; becomes HTTP 400 `CBC.0100` naming the parameter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    pub parameter: String,
    pub reason: String,
}

impl Violation {
    pub fn new(parameter: impl Into<String>, reason: impl Into<String>) -> Self {
        Self { parameter: parameter.into(), reason: reason.into() }
    }

    /// The `error_msg` text; [`crate::ApiError::parameter`] reads the name back out of it.
    pub fn message(&self) -> String {
        format!("parameter '{}' {}", self.parameter, self.reason)
    }
}

/// At most `max` characters (the contract counts characters).
pub fn max_len(parameter: &str, value: Option<&str>, max: usize) -> Result<(), Violation> {
    match value {
        Some(v) if v.chars().count() > max => {
            Err(Violation::new(parameter, format!("must be at most {max} characters")))
        }
        _ => Ok(()),
    }
}

/// A required text parameter: not empty, at most `max` characters.
pub fn required_text(parameter: &str, value: &str, max: usize) -> Result<(), Violation> {
    if value.is_empty() {
        return Err(Violation::new(parameter, "is required"));
    }
    max_len(parameter, Some(value), max)
}

/// An optional text parameter: not empty, at most `max` characters (§1.9).
pub fn text_opt(parameter: &str, value: Option<&str>, max: usize) -> Result<(), Violation> {
    if value == Some("") {
        return Err(Violation::new(parameter, "must not be empty"));
    }
    max_len(parameter, value, max)
}

/// A list parameter: at most `max_items` items, each non-empty and ≤ `max_len_each` characters.
pub fn id_list(parameter: &str, values: &[String], max_items: usize, max_len_each: usize) -> Result<(), Violation> {
    if values.len() > max_items {
        return Err(Violation::new(parameter, format!("must have at most {max_items} items")));
    }
    values.iter().try_for_each(|v| text_opt(parameter, Some(v), max_len_each))
}

/// A list of values (empty ones allowed): at most `max_values`, each ≤ `max_len_each` characters.
pub fn value_list(parameter: &str, values: &[String], max_values: usize, max_len_each: usize) -> Result<(), Violation> {
    if values.len() > max_values {
        return Err(Violation::new(parameter, format!("must have at most {max_values} values")));
    }
    values.iter().try_for_each(|v| max_len(parameter, Some(v), max_len_each))
}

/// No value given twice.
pub fn no_duplicates(parameter: &str, values: &[String]) -> Result<(), Violation> {
    let mut seen = std::collections::HashSet::new();
    match values.iter().find(|v| !seen.insert(v.as_str())) {
        Some(v) => Err(Violation::new(parameter, format!("must not repeat '{v}'"))),
        None => Ok(()),
    }
}

/// An amount typed by a person: positive, at most 2 decimals, within the contract's bounds.
pub fn amount(parameter: &str, a: Amount) -> Result<Amount, Violation> {
    check_input_amount(a).map_err(|p| Violation::new(parameter, p.reason()))
}

fn not_one_of(parameter: &str, allowed: &[i32]) -> Violation {
    let list: Vec<String> = allowed.iter().map(i32::to_string).collect();
    Violation::new(parameter, format!("must be one of {}", list.join(", ")))
}

/// An integer code from a closed set.
pub fn int_code(parameter: &str, value: i32, allowed: &[i32]) -> Result<(), Violation> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(not_one_of(parameter, allowed))
    }
}

/// An optional integer code (as received, 64-bit) from a closed set.
pub fn int_code_opt(parameter: &str, value: Option<i64>, allowed: &[i32]) -> Result<Option<i32>, Violation> {
    match value {
        None => Ok(None),
        Some(v) => match i32::try_from(v) {
            Ok(v) if allowed.contains(&v) => Ok(Some(v)),
            _ => Err(not_one_of(parameter, allowed)),
        },
    }
}

/// A `*_begin` / `*_end` pair: UTC wire format, begin not after end.
pub fn time_pair(
    begin_name: &str,
    begin: Option<&str>,
    end_name: &str,
    end: Option<&str>,
) -> Result<(Option<Instant>, Option<Instant>), Violation> {
    let b = utc_opt(begin_name, begin)?;
    let e = utc_opt(end_name, end)?;
    range(begin_name, b, e)?;
    Ok((b, e))
}

/// [`time_pair`], each value first at most [`MAX_TIME_LEN`] characters (the V, Q and R lists).
pub fn bounded_time_pair(
    begin_name: &str,
    begin: Option<&str>,
    end_name: &str,
    end: Option<&str>,
) -> Result<(Option<Instant>, Option<Instant>), Violation> {
    max_len(begin_name, begin, MAX_TIME_LEN)?;
    max_len(end_name, end, MAX_TIME_LEN)?;
    time_pair(begin_name, begin, end_name, end)
}

/// An optional UTC instant: absent is fine, empty or malformed is not.
pub fn utc_opt(parameter: &str, value: Option<&str>) -> Result<Option<Instant>, Violation> {
    match value {
        None => Ok(None),
        Some(v) => parse_wire(v)
            .map(Some)
            .ok_or_else(|| Violation::new(parameter, "must be a UTC time like 2026-01-31T16:00:00Z")),
    }
}

/// An optional calendar date `YYYY-MM-DD` (A5 trade times, UTC+8): absent is fine, empty or
/// malformed is not.
pub fn date_opt(parameter: &str, value: Option<&str>) -> Result<Option<chrono::NaiveDate>, Violation> {
    match value {
        None => Ok(None),
        Some(v) => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d")
            .ok()
            .filter(|_| v.len() == 10)
            .map(Some)
            .ok_or_else(|| Violation::new(parameter, "must be a date like 2026-01-31")),
    }
}

/// A begin/end pair where begin must not be after end.
pub fn range(begin_name: &str, begin: Option<Instant>, end: Option<Instant>) -> Result<(), Violation> {
    match (begin, end) {
        (Some(b), Some(e)) if b > e => Err(Violation::new(begin_name, "must not be later than the end of the range")),
        _ => Ok(()),
    }
}

/// A begin/end pair that may span at most one calendar year (O1 create/payment times):
/// `end` must not be later than `begin` plus 12 months. Names the end parameter.
pub fn max_span_one_year(
    end_name: &str,
    begin_name: &str,
    begin: Option<Instant>,
    end: Option<Instant>,
) -> Result<(), Violation> {
    match (begin, end) {
        (Some(b), Some(e)) if b.checked_add_months(Months::new(12)).is_none_or(|limit| e > limit) => {
            Err(Violation::new(end_name, format!("must be at most 1 year after {begin_name}")))
        }
        _ => Ok(()),
    }
}

/// A value from a closed set of codes.
pub fn one_of(parameter: &str, value: &str, allowed: &[&str]) -> Result<(), Violation> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Violation::new(parameter, format!("must be one of {}", allowed.join(", "))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert!(max_len("a", Some("张三李四"), 4).is_ok());
        assert_eq!(max_len("a", Some("12345"), 4).unwrap_err().parameter, "a");
        assert!(utc_opt("t", None).unwrap().is_none());
        assert!(utc_opt("t", Some("")).is_err());
        assert!(utc_opt("t", Some("2026-01-01")).is_err());
        let b = utc_opt("b", Some("2026-02-01T00:00:00Z")).unwrap();
        let e = utc_opt("e", Some("2026-01-01T00:00:00Z")).unwrap();
        assert_eq!(range("b", b, e).unwrap_err().parameter, "b");
        let t = |s: &str| utc_opt("t", Some(s)).unwrap();
        assert!(max_span_one_year("e", "b", t("2024-02-29T00:00:00Z"), t("2025-02-28T00:00:00Z")).is_ok());
        let v = max_span_one_year("e", "b", t("2024-02-29T00:00:00Z"), t("2025-02-28T00:00:01Z")).unwrap_err();
        assert_eq!(v.message(), "parameter 'e' must be at most 1 year after b");
        assert!(max_span_one_year("e", "b", t("2024-01-01T00:00:00Z"), None).is_ok());
        assert!(date_opt("d", None).unwrap().is_none());
        assert_eq!(date_opt("d", Some("2026-02-28")).unwrap().unwrap().to_string(), "2026-02-28");
        for bad in ["", "2026-2-28", "2026-02-30", "2026-02-28T00:00:00Z", "20260228"] {
            assert_eq!(date_opt("d", Some(bad)).unwrap_err().parameter, "d", "{bad}");
        }
        assert!(one_of("x", "2", &["1", "2"]).is_ok());
        let v = one_of("x", "9", &["1", "2"]).unwrap_err();
        assert_eq!(v.message(), "parameter 'x' must be one of 1, 2");
    }
}
