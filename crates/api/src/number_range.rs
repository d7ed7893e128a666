//! A min/max number filter as people type it (list pages' number-range widgets) and as the
//! API checks it: both ends optional, each a non-negative amount with at most two decimals,
//! min not above max. The app checks at the field before sending; the sandbox enforces the
//! same rule.

use crate::money::Amount;
use crate::validate::Violation;

/// Which end of a range is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum End {
    Min,
    Max,
}

/// Why a typed range cannot be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RangeProblem {
    NotANumber(End),
    Negative(End),
    TooManyDecimals(End),
    /// min > max.
    Reversed,
}

/// A checked amount range (either end may be open).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct AmountRange {
    pub min: Option<Amount>,
    pub max: Option<Amount>,
}

impl AmountRange {
    pub fn contains(&self, a: Amount) -> bool {
        self.min.is_none_or(|m| a >= m) && self.max.is_none_or(|m| a <= m)
    }

    pub fn is_open(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

fn one(s: &str, end: End) -> Result<Option<Amount>, RangeProblem> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    // Digits, one dot, no exponent or separators: what a person means by a number here.
    let plain =
        s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') && s.bytes().any(|b| b.is_ascii_digit());
    let a = if plain { Amount::parse(s) } else { None }.ok_or(RangeProblem::NotANumber(end))?;
    check(a, end).map(Some)
}

fn check(a: Amount, end: End) -> Result<Amount, RangeProblem> {
    if a.0.is_sign_negative() && !a.0.is_zero() {
        return Err(RangeProblem::Negative(end));
    }
    if a.decimals() > 2 {
        return Err(RangeProblem::TooManyDecimals(end));
    }
    Ok(a)
}

/// Checks a range as typed (empty = open end).
pub fn parse_amount_range(min: &str, max: &str) -> Result<AmountRange, RangeProblem> {
    let range = AmountRange { min: one(min, End::Min)?, max: one(max, End::Max)? };
    checked(range)
}

fn checked(range: AmountRange) -> Result<AmountRange, RangeProblem> {
    if let (Some(a), Some(b)) = (range.min, range.max) {
        if a > b {
            return Err(RangeProblem::Reversed);
        }
    }
    Ok(range)
}

/// The API's check of a range sent as `<prefix>_min` / `<prefix>_max`.
pub fn check_api_range(prefix: &str, min: Option<Amount>, max: Option<Amount>) -> Result<AmountRange, Violation> {
    let name = |end: End| format!("{prefix}_{}", if end == End::Min { "min" } else { "max" });
    let each = |a: Option<Amount>, end: End| a.map(|a| check(a, end)).transpose();
    let range = AmountRange {
        min: each(min, End::Min).map_err(|p| violation(&name, p))?,
        max: each(max, End::Max).map_err(|p| violation(&name, p))?,
    };
    checked(range).map_err(|p| violation(&name, p))
}

fn violation(name: &dyn Fn(End) -> String, p: RangeProblem) -> Violation {
    match p {
        RangeProblem::NotANumber(e) => Violation::new(name(e), "must be a number"),
        RangeProblem::Negative(e) => Violation::new(name(e), "must not be negative"),
        RangeProblem::TooManyDecimals(e) => Violation::new(name(e), "must have at most 2 decimals"),
        RangeProblem::Reversed => {
            Violation::new(name(End::Min), format!("must not be greater than {}", name(End::Max)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn a(s: &str) -> Amount {
        Amount::parse(s).unwrap()
    }

    #[test]
    fn open_ends_and_bounds() {
        assert_eq!(parse_amount_range("", " "), Ok(AmountRange::default()));
        let r = parse_amount_range("100", "2500.5").unwrap();
        assert_eq!(r, AmountRange { min: Some(a("100")), max: Some(a("2500.5")) });
        assert!(
            r.contains(a("100")) && r.contains(a("2500.50")) && !r.contains(a("2500.51")) && !r.contains(a("99.99"))
        );
        assert_eq!(parse_amount_range("0", "0").unwrap().max, Some(Amount::ZERO));
        assert!(parse_amount_range("", "10").unwrap().contains(Amount::ZERO));
    }

    #[test]
    fn problems_name_the_end() {
        assert_eq!(parse_amount_range("abc", ""), Err(RangeProblem::NotANumber(End::Min)));
        assert_eq!(parse_amount_range("", "1e3"), Err(RangeProblem::NotANumber(End::Max)));
        assert_eq!(parse_amount_range("1,000", ""), Err(RangeProblem::NotANumber(End::Min)));
        assert_eq!(parse_amount_range("-1", ""), Err(RangeProblem::Negative(End::Min)));
        assert_eq!(parse_amount_range("", "1.005"), Err(RangeProblem::TooManyDecimals(End::Max)));
        assert_eq!(parse_amount_range("10", "9.99"), Err(RangeProblem::Reversed));
    }

    #[test]
    fn api_check_names_the_parameter() {
        let v = check_api_range("revenue", Some(a("5")), Some(a("1"))).unwrap_err();
        assert_eq!(v.parameter, "revenue_min");
        let v = check_api_range("revenue", None, Some(a("0.001"))).unwrap_err();
        assert_eq!(v.parameter, "revenue_max");
        assert!(check_api_range("revenue", None, None).unwrap().is_open());
    }
}
