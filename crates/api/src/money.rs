//! Money: exact decimal yuan (PARTNER_API.md §1.8, §1.12).
//!
//! Amounts travel as JSON numbers (`1.00`, sometimes `1E+2`) and are never parsed through
//! f64: serde_json runs with `arbitrary_precision`, so the number's text reaches us intact.

use rust_decimal::prelude::*;
use serde::{de, Deserialize, Deserializer, Serialize, Serializer};
use std::str::FromStr;

/// `measure_id = 1`: amounts in yuan.
pub const MEASURE_YUAN: i32 = 1;

/// An exact decimal amount in yuan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Amount(pub Decimal);

impl Amount {
    pub const ZERO: Amount = Amount(Decimal::ZERO);

    /// Parses decimal or exponent notation exactly (`"12.30"`, `"1E+2"`).
    pub fn parse(s: &str) -> Option<Amount> {
        let s = s.trim();
        if s.contains(['e', 'E']) {
            Decimal::from_scientific(s).ok().map(Amount)
        } else {
            Decimal::from_str(s).ok().map(Amount)
        }
    }

    pub fn from_cents(cents: i64) -> Amount {
        Amount(Decimal::new(cents, 2))
    }

    /// Rounded to 2 decimals, half away from zero (as shown to people).
    pub fn round2(self) -> Amount {
        Amount(self.0.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero))
    }

    pub fn is_positive(self) -> bool {
        self.0 > Decimal::ZERO
    }

    /// Number of decimals actually used (`1.50` → 1, `2` → 0).
    pub fn decimals(self) -> u32 {
        self.0.normalize().scale()
    }

    /// `1234567.5` → `"1,234,567.50"`.
    pub fn grouped(self) -> String {
        let r = self.round2().0;
        let neg = r.is_sign_negative() && !r.is_zero();
        let s = format!("{:.2}", r.abs());
        let (int, frac) = s.split_once('.').unwrap_or((&s, "00"));
        let mut out = String::with_capacity(s.len() + s.len() / 3 + 1);
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        format!("{}{out}.{frac}", if neg { "-" } else { "" })
    }

    /// With currency and two decimals, e.g. `"CNY 1,234.50"`.
    pub fn with_currency(self, currency: &str) -> String {
        format!("{currency} {}", self.grouped())
    }
}

impl std::fmt::Display for Amount {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // A JSON number with its exact digits (trailing zeros kept), never a string.
        let n = serde_json::Number::from_str(&self.0.to_string()).map_err(serde::ser::Error::custom)?;
        n.serialize(s)
    }
}

thread_local! {
    static NUMBERS_ONLY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` (a deserialization) with amounts accepted only as JSON numbers: how a server
/// reads a request body (§1.8: inputs are numbers). Without it a numeric string is accepted
/// too, as some *responses* carry amounts as strings (A3/A5/D4).
pub fn numbers_only<T>(f: impl FnOnce() -> T) -> T {
    struct Restore(bool);
    impl Drop for Restore {
        fn drop(&mut self) {
            NUMBERS_ONLY.with(|n| n.set(self.0));
        }
    }
    let _restore = Restore(NUMBERS_ONLY.with(|n| n.replace(true)));
    f()
}

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        // Accept a number (the contract) or a numeric string (A3/A5/D4 amounts are strings),
        // unless reading a request body (`numbers_only`).
        let v = serde_json::Value::deserialize(d)?;
        let text = match &v {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(_) if NUMBERS_ONLY.with(|n| n.get()) => {
                return Err(de::Error::custom("must be a JSON number, not a string"));
            }
            serde_json::Value::String(s) => s.clone(),
            other => return Err(de::Error::custom(format!("expected an amount, got {other}"))),
        };
        Amount::parse(&text).ok_or_else(|| de::Error::custom(format!("invalid amount {text}")))
    }
}

/// Serde for an [`Amount`] the contract types as a *string* (A3 `amount`, A5 `change_amount`
/// and `balance_after_change`): written as `"12.50"`, read from a string or a number (exactly,
/// never through f64), whether or not inside [`numbers_only`].
pub mod as_string {
    use super::Amount;
    use serde::{de, Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(a: &Amount, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&a.0.to_string())
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Amount, D::Error> {
        let text = match serde_json::Value::deserialize(d)? {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            other => return Err(de::Error::custom(format!("expected an amount, got {other}"))),
        };
        Amount::parse(&text).ok_or_else(|| de::Error::custom(format!("invalid amount {text}")))
    }
}

/// Why a typed amount is not acceptable as an input amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmountProblem {
    NotANumber,
    NotPositive,
    TooManyDecimals,
}

/// Validates an amount a person typed: > 0, at most 2 decimals.
pub fn parse_input_amount(s: &str) -> Result<Amount, AmountProblem> {
    let a = Amount::parse(s).ok_or(AmountProblem::NotANumber)?;
    if !a.is_positive() {
        return Err(AmountProblem::NotPositive);
    }
    if a.decimals() > 2 {
        return Err(AmountProblem::TooManyDecimals);
    }
    Ok(a)
}

/// Validates an amount received as a number: > 0, at most 2 decimals (§1.8).
pub fn check_input_amount(a: Amount) -> Result<Amount, AmountProblem> {
    if !a.is_positive() {
        return Err(AmountProblem::NotPositive);
    }
    if a.decimals() > 2 {
        return Err(AmountProblem::TooManyDecimals);
    }
    Ok(a)
}

impl AmountProblem {
    /// The `error_msg` tail for a violation naming the amount parameter.
    pub fn reason(self) -> &'static str {
        match self {
            AmountProblem::NotANumber => "must be a number",
            AmountProblem::NotPositive => "must be greater than 0",
            AmountProblem::TooManyDecimals => "must have at most 2 decimals",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct W {
        a: Amount,
    }

    #[test]
    fn exact_round_trip_keeps_trailing_zeros() {
        let w: W = serde_json::from_str(r#"{"a": 1.00}"#).unwrap();
        assert_eq!(serde_json::to_string(&w).unwrap(), r#"{"a":1.00}"#);
        let w: W = serde_json::from_str(r#"{"a": 0.1}"#).unwrap();
        assert_eq!(w.a, Amount::parse("0.10").unwrap());
        // 0.1 + 0.2 is exact here, unlike f64.
        assert_eq!((w.a.0 + Decimal::new(2, 1)).to_string(), "0.3");
    }

    #[test]
    fn exponent_and_string_forms() {
        let w: W = serde_json::from_str(r#"{"a": 1E+2}"#).unwrap();
        assert_eq!(w.a.grouped(), "100.00");
        let w: W = serde_json::from_str(r#"{"a": "12.5"}"#).unwrap();
        assert_eq!(w.a.grouped(), "12.50");
        assert!(serde_json::from_str::<W>(r#"{"a": true}"#).is_err());
    }

    #[test]
    fn request_bodies_take_numbers_only() {
        let e = numbers_only(|| serde_json::from_str::<W>(r#"{"a": "1.00"}"#)).err().unwrap();
        assert!(e.to_string().contains("must be a JSON number"), "{e}");
        assert!(numbers_only(|| serde_json::from_str::<W>(r#"{"a": 1.00}"#)).is_ok());
        // Outside, strings are read again (response amounts).
        assert!(serde_json::from_str::<W>(r#"{"a": "1.00"}"#).is_ok());
    }

    #[test]
    fn serialises_as_number_not_string() {
        let v = serde_json::to_value(W { a: Amount::from_cents(123456) }).unwrap();
        assert!(v["a"].is_number());
        assert_eq!(v["a"].to_string(), "1234.56");
    }

    #[derive(Serialize, Deserialize)]
    struct S {
        #[serde(with = "super::as_string")]
        a: Amount,
    }

    #[test]
    fn string_typed_amounts() {
        assert_eq!(serde_json::to_string(&S { a: Amount::from_cents(1250) }).unwrap(), r#"{"a":"12.50"}"#);
        let s: S = serde_json::from_str(r#"{"a": "-3.10"}"#).unwrap();
        assert_eq!(s.a, Amount::parse("-3.1").unwrap());
        let s: S = numbers_only(|| serde_json::from_str(r#"{"a": 7}"#)).unwrap();
        assert_eq!(s.a, Amount::from_cents(700));
        assert!(serde_json::from_str::<S>(r#"{"a": "x"}"#).is_err());
    }

    #[test]
    fn grouping_and_currency() {
        assert_eq!(Amount::parse("1234567.5").unwrap().with_currency("CNY"), "CNY 1,234,567.50");
        assert_eq!(Amount::parse("-1000").unwrap().grouped(), "-1,000.00");
        assert_eq!(Amount::parse("0.005").unwrap().grouped(), "0.01");
        assert_eq!(Amount::parse("999").unwrap().grouped(), "999.00");
    }

    #[test]
    fn input_validation() {
        assert_eq!(parse_input_amount("10.5").unwrap(), Amount::from_cents(1050));
        assert_eq!(parse_input_amount("10.500").unwrap(), Amount::from_cents(1050));
        assert_eq!(parse_input_amount("0"), Err(AmountProblem::NotPositive));
        assert_eq!(parse_input_amount("-3"), Err(AmountProblem::NotPositive));
        assert_eq!(parse_input_amount("1.234"), Err(AmountProblem::TooManyDecimals));
        assert_eq!(parse_input_amount("abc"), Err(AmountProblem::NotANumber));
        assert_eq!(check_input_amount(Amount::parse("0.01").unwrap()), Ok(Amount::from_cents(1)));
        assert_eq!(check_input_amount(Amount::parse("1E+2").unwrap()), Ok(Amount::from_cents(10000)));
        assert_eq!(check_input_amount(Amount::ZERO), Err(AmountProblem::NotPositive));
        assert_eq!(check_input_amount(Amount::parse("0.001").unwrap()), Err(AmountProblem::TooManyDecimals));
        assert_eq!(AmountProblem::TooManyDecimals.reason(), "must have at most 2 decimals");
    }
}
