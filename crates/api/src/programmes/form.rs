//! The B2 application form: what is sent, and the one set of field rules the app checks as the
//! person types and the server enforces (400 `CBC.0100` naming the first failing field).

use crate::money::Amount;
use crate::validate::Violation;
use serde::{Deserialize, Serialize};

pub const MAX_NAME: usize = 32;
pub const MAX_EMAIL: usize = 64;
pub const MIN_DESCRIPTION: usize = 10;
pub const MAX_DESCRIPTION: usize = 500;
pub const MAX_ENGINEERS: u32 = 200;

/// `POST /v2/partners/benefits/capability-applications`: a new application for one benefit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitCapabilityApplication {
    pub benefit_id: String,
    /// Yuan, > 0, at most 2 decimals, at most the benefit's `max_amount`.
    pub amount: Amount,
    /// Engineers holding the tag's certification, 1–200.
    pub certified_engineers: u32,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    /// What the incentive is for, 10–500 characters.
    pub description: String,
}

/// A field of the form (its wire name is the body member).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Amount,
    Engineers,
    ContactName,
    ContactPhone,
    ContactEmail,
    Description,
}

impl Field {
    pub fn wire_name(self) -> &'static str {
        match self {
            Field::Amount => "amount",
            Field::Engineers => "certified_engineers",
            Field::ContactName => "contact_name",
            Field::ContactPhone => "contact_phone",
            Field::ContactEmail => "contact_email",
            Field::Description => "description",
        }
    }

    /// The field an error's parameter names, to highlight it after a server refusal.
    pub fn from_wire(name: &str) -> Option<Field> {
        [
            Field::Amount,
            Field::Engineers,
            Field::ContactName,
            Field::ContactPhone,
            Field::ContactEmail,
            Field::Description,
        ]
        .into_iter()
        .find(|f| f.wire_name() == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong(usize),
    TooShort(usize),
    NotAWholeNumber,
    /// A whole number outside 1..=max.
    OutOfRange(u32),
    NotAnAmount,
    NotPositive,
    TooManyDecimals,
    /// Above the benefit's maximum.
    AboveMax,
    BadPhone,
    BadEmail,
}

impl Problem {
    /// The server's `error_msg` reason.
    pub fn reason(self) -> String {
        match self {
            Problem::Required => "is required".into(),
            Problem::TooLong(n) => format!("must be at most {n} characters"),
            Problem::TooShort(n) => format!("must be at least {n} characters"),
            Problem::NotAWholeNumber => "must be a whole number".into(),
            Problem::OutOfRange(max) => format!("must be between 1 and {max}"),
            Problem::NotAnAmount => "must be an amount".into(),
            Problem::NotPositive => "must be greater than 0".into(),
            Problem::TooManyDecimals => "must have at most 2 decimals".into(),
            Problem::AboveMax => "must not exceed the benefit's max_amount".into(),
            Problem::BadPhone => "must be a mobile number (11 digits) or +country digits".into(),
            Problem::BadEmail => "must be an e-mail address".into(),
        }
    }
}

pub type FieldProblem = (Field, Problem);

/// What the person typed, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ApplicationDraft {
    pub amount: String,
    pub engineers: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub contact_email: String,
    pub description: String,
}

fn text(field: Field, v: &str, min: usize, max: usize, out: &mut Vec<FieldProblem>) {
    let n = v.trim().chars().count();
    if n == 0 {
        out.push((field, Problem::Required));
    } else if n > max {
        out.push((field, Problem::TooLong(max)));
    } else if n < min {
        out.push((field, Problem::TooShort(min)));
    }
}

/// An 11-digit mobile number starting with 1, or `+` and 8–15 digits.
pub fn phone_ok(v: &str) -> bool {
    let v = v.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match v.strip_prefix('+') {
        Some(rest) => digits(rest) && (8..=15).contains(&rest.len()),
        None => digits(v) && v.len() == 11 && v.starts_with('1'),
    }
}

fn email_ok(v: &str) -> bool {
    let v = v.trim();
    let Some((local, domain)) = v.split_once('@') else { return false };
    !local.is_empty()
        && !v.contains(char::is_whitespace)
        && !domain.contains('@')
        && domain.split('.').count() >= 2
        && domain.split('.').all(|p| !p.is_empty())
}

fn amount(a: Amount, max: Amount, out: &mut Vec<FieldProblem>) {
    if !a.is_positive() {
        out.push((Field::Amount, Problem::NotPositive));
    } else if a.decimals() > 2 {
        out.push((Field::Amount, Problem::TooManyDecimals));
    } else if a > max {
        out.push((Field::Amount, Problem::AboveMax));
    }
}

fn contact_and_text(r: &SubmitCapabilityApplication, out: &mut Vec<FieldProblem>) {
    text(Field::ContactName, &r.contact_name, 1, MAX_NAME, out);
    if r.contact_phone.trim().is_empty() {
        out.push((Field::ContactPhone, Problem::Required));
    } else if !phone_ok(&r.contact_phone) {
        out.push((Field::ContactPhone, Problem::BadPhone));
    }
    if r.contact_email.trim().is_empty() {
        out.push((Field::ContactEmail, Problem::Required));
    } else if r.contact_email.chars().count() > MAX_EMAIL {
        out.push((Field::ContactEmail, Problem::TooLong(MAX_EMAIL)));
    } else if !email_ok(&r.contact_email) {
        out.push((Field::ContactEmail, Problem::BadEmail));
    }
    text(Field::Description, &r.description, MIN_DESCRIPTION, MAX_DESCRIPTION, out);
}

/// Every problem of a submission, in form order (the server refuses with the first).
pub fn check_submission(r: &SubmitCapabilityApplication, max: Amount) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    amount(r.amount, max, &mut out);
    if !(1..=MAX_ENGINEERS).contains(&r.certified_engineers) {
        out.push((Field::Engineers, Problem::OutOfRange(MAX_ENGINEERS)));
    }
    contact_and_text(r, &mut out);
    out
}

/// The first problem as the server's violation.
pub fn first_violation(problems: &[FieldProblem]) -> Option<Violation> {
    problems.first().map(|(f, p)| Violation::new(f.wire_name(), p.reason()))
}

/// The draft as a submission for `benefit_id`, or every problem in it.
pub fn check_draft(
    d: &ApplicationDraft,
    benefit_id: &str,
    max: Amount,
) -> Result<SubmitCapabilityApplication, Vec<FieldProblem>> {
    let mut out = Vec::new();
    let amount_value = match d.amount.trim() {
        "" => {
            out.push((Field::Amount, Problem::Required));
            None
        }
        s => match Amount::parse(s).filter(|_| !s.contains(['e', 'E'])) {
            Some(a) => Some(a),
            None => {
                out.push((Field::Amount, Problem::NotAnAmount));
                None
            }
        },
    };
    if let Some(a) = amount_value {
        amount(a, max, &mut out);
    }
    let engineers = match d.engineers.trim() {
        "" => {
            out.push((Field::Engineers, Problem::Required));
            None
        }
        s => match s.parse::<u32>() {
            Ok(n) if (1..=MAX_ENGINEERS).contains(&n) => Some(n),
            Ok(_) => {
                out.push((Field::Engineers, Problem::OutOfRange(MAX_ENGINEERS)));
                None
            }
            Err(_) => {
                out.push((Field::Engineers, Problem::NotAWholeNumber));
                None
            }
        },
    };
    let submission = SubmitCapabilityApplication {
        benefit_id: benefit_id.to_string(),
        amount: amount_value.unwrap_or(Amount::ZERO),
        certified_engineers: engineers.unwrap_or(0),
        contact_name: d.contact_name.trim().to_string(),
        contact_phone: d.contact_phone.trim().to_string(),
        contact_email: d.contact_email.trim().to_string(),
        description: d.description.trim().to_string(),
    };
    contact_and_text(&submission, &mut out);
    if out.is_empty() {
        Ok(submission)
    } else {
        Err(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn good() -> ApplicationDraft {
        ApplicationDraft {
            amount: "12000.50".into(),
            engineers: "6".into(),
            contact_name: " 郑浩 ".into(),
            contact_phone: "13800138000".into(),
            contact_email: "zheng.hao@huitong.example.com".into(),
            description: "数据库能力认证通过后的团队培训与认证补贴。".into(),
        }
    }

    fn max() -> Amount {
        Amount::parse("50000").unwrap()
    }

    #[test]
    fn a_good_draft_becomes_a_submission() {
        let s = check_draft(&good(), "BN1", max()).unwrap();
        assert_eq!((s.contact_name.as_str(), s.certified_engineers), ("郑浩", 6));
        assert!(check_submission(&s, max()).is_empty());
        let json = serde_json::to_string(&s).unwrap();
        assert!(json.contains(r#""amount":12000.50"#), "{json}");
    }

    #[test]
    fn every_field_problem_is_named() {
        let bad = ApplicationDraft {
            amount: "50000.01".into(),
            engineers: "2.5".into(),
            contact_name: "".into(),
            contact_phone: "12345".into(),
            contact_email: "a@b".into(),
            description: "太短".into(),
        };
        let problems = check_draft(&bad, "BN1", max()).unwrap_err();
        assert_eq!(
            problems,
            vec![
                (Field::Amount, Problem::AboveMax),
                (Field::Engineers, Problem::NotAWholeNumber),
                (Field::ContactName, Problem::Required),
                (Field::ContactPhone, Problem::BadPhone),
                (Field::ContactEmail, Problem::BadEmail),
                (Field::Description, Problem::TooShort(MIN_DESCRIPTION)),
            ]
        );
        assert_eq!(first_violation(&problems).unwrap().parameter, "amount");
    }

    #[test]
    fn amounts_and_numbers() {
        let with = |amount: &str, engineers: &str| ApplicationDraft {
            amount: amount.into(),
            engineers: engineers.into(),
            ..good()
        };
        let first = |d: ApplicationDraft| check_draft(&d, "b", max()).unwrap_err()[0];
        assert_eq!(first(with("", "1")), (Field::Amount, Problem::Required));
        assert_eq!(first(with("abc", "1")), (Field::Amount, Problem::NotAnAmount));
        assert_eq!(first(with("1e3", "1")), (Field::Amount, Problem::NotAnAmount));
        assert_eq!(first(with("0", "1")), (Field::Amount, Problem::NotPositive));
        assert_eq!(first(with("1.005", "1")), (Field::Amount, Problem::TooManyDecimals));
        assert_eq!(first(with("1", "0")), (Field::Engineers, Problem::OutOfRange(MAX_ENGINEERS)));
        assert_eq!(first(with("1", "201")), (Field::Engineers, Problem::OutOfRange(MAX_ENGINEERS)));
        assert_eq!(first(with("1", "")), (Field::Engineers, Problem::Required));
        assert!(check_draft(&with("50000", "200"), "b", max()).is_ok());
    }

    #[test]
    fn phones_emails_and_lengths() {
        assert!(phone_ok("13800138000") && phone_ok("+85291234567"));
        assert!(!phone_ok("23800138000") && !phone_ok("1380013800") && !phone_ok("+123") && !phone_ok("138-0013-8000"));
        assert!(email_ok("a.b@c.example") && !email_ok("a@b") && !email_ok("a b@c.d") && !email_ok("@c.d"));
        let long =
            ApplicationDraft { contact_name: "名".repeat(MAX_NAME + 1), description: "说".repeat(501), ..good() };
        let p = check_draft(&long, "b", max()).unwrap_err();
        assert_eq!(
            p,
            vec![
                (Field::ContactName, Problem::TooLong(MAX_NAME)),
                (Field::Description, Problem::TooLong(MAX_DESCRIPTION))
            ]
        );
        assert_eq!(Field::from_wire("contact_email"), Some(Field::ContactEmail));
        assert_eq!(Field::from_wire("x"), None);
    }
}
