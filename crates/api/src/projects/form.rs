//! The acceptance application (申请验收): what is sent and the one set of field rules the app
//! checks on submit and the server enforces (400 `CBC.0100` naming the first failing field).

use super::attachments::MAX_FILES;
use crate::money::Amount;
use crate::programmes::form::phone_ok;
use crate::validate::Violation;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub const MAX_NAME: usize = 32;
pub const MIN_SUMMARY: usize = 10;
pub const MAX_SUMMARY: usize = 1000;

/// The body of `POST …/projects/{project_id}/acceptance` (unknown members refused).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubmitAcceptance {
    /// 实际完成日期, `yyyy-MM-dd`: not before the registration, not after today (UTC+8).
    pub completion_date: String,
    /// 验收金额: yuan, > 0, ≤ 2 decimals, at most the contract amount.
    pub acceptance_amount: Amount,
    pub contact_name: String,
    pub contact_phone: String,
    /// 交付说明, 10–1000 characters.
    pub summary: String,
    /// 1–5 complete uploads of this project (验收报告 and other evidence), no repeats.
    pub attachment_ids: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    CompletionDate,
    Amount,
    ContactName,
    ContactPhone,
    Summary,
    Attachments,
}

impl Field {
    pub const ALL: [Field; 6] = [
        Field::CompletionDate,
        Field::Amount,
        Field::ContactName,
        Field::ContactPhone,
        Field::Summary,
        Field::Attachments,
    ];

    pub fn wire_name(self) -> &'static str {
        match self {
            Field::CompletionDate => "completion_date",
            Field::Amount => "acceptance_amount",
            Field::ContactName => "contact_name",
            Field::ContactPhone => "contact_phone",
            Field::Summary => "summary",
            Field::Attachments => "attachment_ids",
        }
    }

    /// The field an error's parameter names.
    pub fn from_wire(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.wire_name() == name)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    Required,
    TooLong(usize),
    TooShort(usize),
    NotADate,
    BeforeRegistration,
    InTheFuture,
    NotAnAmount,
    NotPositive,
    TooManyDecimals,
    AboveContract,
    BadPhone,
    /// No attachment, or more than [`MAX_FILES`], or one named twice.
    AttachmentCount,
    /// An attachment is still uploading or failed.
    AttachmentsPending,
}

impl Problem {
    /// The server's `error_msg` reason.
    pub fn reason(self) -> String {
        match self {
            Problem::Required => "is required".into(),
            Problem::TooLong(n) => format!("must be at most {n} characters"),
            Problem::TooShort(n) => format!("must be at least {n} characters"),
            Problem::NotADate => "must be a date yyyy-MM-dd".into(),
            Problem::BeforeRegistration => "must not be before the project's registration".into(),
            Problem::InTheFuture => "must not be in the future".into(),
            Problem::NotAnAmount => "must be an amount".into(),
            Problem::NotPositive => "must be greater than 0".into(),
            Problem::TooManyDecimals => "must have at most 2 decimals".into(),
            Problem::AboveContract => "must not exceed the contract amount".into(),
            Problem::BadPhone => "must be a mobile number (11 digits) or +country digits".into(),
            Problem::AttachmentCount => format!("must name 1-{MAX_FILES} different attachments"),
            Problem::AttachmentsPending => "must name complete uploads only".into(),
        }
    }
}

pub type FieldProblem = (Field, Problem);

/// What the project allows: its registration day and contract amount, and today (UTC+8).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub registered_on: NaiveDate,
    pub today: NaiveDate,
    pub contract_amount: Amount,
}

/// What the person typed, as typed; the attachments are those uploaded so far.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AcceptanceDraft {
    pub completion_date: String,
    pub amount: String,
    pub contact_name: String,
    pub contact_phone: String,
    pub summary: String,
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

fn date(v: &str, b: &Bounds, out: &mut Vec<FieldProblem>) {
    let v = v.trim();
    if v.is_empty() {
        return out.push((Field::CompletionDate, Problem::Required));
    }
    match NaiveDate::parse_from_str(v, "%Y-%m-%d").ok().filter(|_| v.len() == 10) {
        None => out.push((Field::CompletionDate, Problem::NotADate)),
        Some(d) if d < b.registered_on => out.push((Field::CompletionDate, Problem::BeforeRegistration)),
        Some(d) if d > b.today => out.push((Field::CompletionDate, Problem::InTheFuture)),
        Some(_) => {}
    }
}

fn amount(a: Amount, b: &Bounds, out: &mut Vec<FieldProblem>) {
    if !a.is_positive() {
        out.push((Field::Amount, Problem::NotPositive));
    } else if a.decimals() > 2 {
        out.push((Field::Amount, Problem::TooManyDecimals));
    } else if a > b.contract_amount {
        out.push((Field::Amount, Problem::AboveContract));
    }
}

fn rest(r: &SubmitAcceptance, out: &mut Vec<FieldProblem>) {
    text(Field::ContactName, &r.contact_name, 1, MAX_NAME, out);
    if r.contact_phone.trim().is_empty() {
        out.push((Field::ContactPhone, Problem::Required));
    } else if !phone_ok(&r.contact_phone) {
        out.push((Field::ContactPhone, Problem::BadPhone));
    }
    text(Field::Summary, &r.summary, MIN_SUMMARY, MAX_SUMMARY, out);
    let ids = &r.attachment_ids;
    let repeated = ids.iter().enumerate().any(|(i, a)| ids[..i].contains(a));
    if ids.is_empty() || ids.len() > MAX_FILES || repeated {
        out.push((Field::Attachments, Problem::AttachmentCount));
    }
}

/// Every problem of a submission, in form order (the server refuses with the first).
pub fn check_submission(r: &SubmitAcceptance, b: &Bounds) -> Vec<FieldProblem> {
    let mut out = Vec::new();
    date(&r.completion_date, b, &mut out);
    amount(r.acceptance_amount, b, &mut out);
    rest(r, &mut out);
    out
}

/// The first problem as the server's violation.
pub fn first_violation(problems: &[FieldProblem]) -> Option<Violation> {
    problems.first().map(|(f, p)| Violation::new(f.wire_name(), p.reason()))
}

/// The draft with the uploaded attachments as a submission, or every problem in it.
/// `pending` says an attachment is still uploading or failed (it must be retried or removed).
pub fn check_draft(
    d: &AcceptanceDraft,
    attachment_ids: Vec<String>,
    pending: bool,
    b: &Bounds,
) -> Result<SubmitAcceptance, Vec<FieldProblem>> {
    let mut out = Vec::new();
    date(&d.completion_date, b, &mut out);
    let typed = d.amount.trim();
    let value = if typed.is_empty() {
        out.push((Field::Amount, Problem::Required));
        None
    } else {
        let parsed = Amount::parse(typed).filter(|_| !typed.contains(['e', 'E']));
        if parsed.is_none() {
            out.push((Field::Amount, Problem::NotAnAmount));
        }
        parsed
    };
    if let Some(a) = value {
        amount(a, b, &mut out);
    }
    let submission = SubmitAcceptance {
        completion_date: d.completion_date.trim().to_string(),
        acceptance_amount: value.unwrap_or(Amount::ZERO),
        contact_name: d.contact_name.trim().to_string(),
        contact_phone: d.contact_phone.trim().to_string(),
        summary: d.summary.trim().to_string(),
        attachment_ids,
    };
    if pending {
        out.push((Field::Attachments, Problem::AttachmentsPending));
    } else {
        rest(&submission, &mut out);
        return if out.is_empty() { Ok(submission) } else { Err(out) };
    }
    let mut more = Vec::new();
    rest(&submission, &mut more);
    out.extend(more.into_iter().filter(|(f, _)| *f != Field::Attachments));
    Err(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bounds() -> Bounds {
        Bounds {
            registered_on: NaiveDate::from_ymd_opt(2026, 3, 10).unwrap(),
            today: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            contract_amount: Amount::parse("120000.00").unwrap(),
        }
    }

    fn draft() -> AcceptanceDraft {
        AcceptanceDraft {
            completion_date: "2026-10-31".into(),
            amount: "118000.50".into(),
            contact_name: " 郑浩 ".into(),
            contact_phone: "13800138000".into(),
            summary: "迁移完成,客户已签署验收报告。".into(),
        }
    }

    fn problems(d: &AcceptanceDraft) -> Vec<FieldProblem> {
        check_draft(d, vec!["AT1".into()], false, &bounds()).unwrap_err()
    }

    #[test]
    fn a_good_draft_becomes_the_submission() {
        let s = check_draft(&draft(), vec!["AT1".into()], false, &bounds()).unwrap();
        assert_eq!(s.contact_name, "郑浩");
        assert_eq!(s.acceptance_amount.to_string(), "118000.50");
        assert!(check_submission(&s, &bounds()).is_empty());
        assert_eq!(
            serde_json::to_string(&s).unwrap(),
            r#"{"completion_date":"2026-10-31","acceptance_amount":118000.50,"contact_name":"郑浩","contact_phone":"13800138000","summary":"迁移完成,客户已签署验收报告。","attachment_ids":["AT1"]}"#
        );
    }

    #[test]
    fn dates() {
        for (v, p) in [
            ("", Problem::Required),
            ("2026-13-01", Problem::NotADate),
            ("2026-1-05", Problem::NotADate),
            ("2026-03-09", Problem::BeforeRegistration),
            ("2026-11-21", Problem::InTheFuture),
        ] {
            assert_eq!(
                problems(&AcceptanceDraft { completion_date: v.into(), ..draft() }),
                vec![(Field::CompletionDate, p)],
                "{v}"
            );
        }
        let edge = AcceptanceDraft { completion_date: "2026-03-10".into(), ..draft() };
        assert!(check_draft(&edge, vec!["A".into()], false, &bounds()).is_ok());
    }

    #[test]
    fn amounts() {
        for (v, p) in [
            ("", Problem::Required),
            ("abc", Problem::NotAnAmount),
            ("1e3", Problem::NotAnAmount),
            ("0", Problem::NotPositive),
            ("1.005", Problem::TooManyDecimals),
            ("120000.01", Problem::AboveContract),
        ] {
            assert_eq!(problems(&AcceptanceDraft { amount: v.into(), ..draft() }), vec![(Field::Amount, p)], "{v}");
        }
    }

    #[test]
    fn contact_summary_and_attachments() {
        let d =
            AcceptanceDraft {
                contact_name: "".into(), contact_phone: "12345".into(), summary: "短".into(), ..draft()
            };
        assert_eq!(
            problems(&d),
            vec![
                (Field::ContactName, Problem::Required),
                (Field::ContactPhone, Problem::BadPhone),
                (Field::Summary, Problem::TooShort(MIN_SUMMARY))
            ]
        );
        let none = check_draft(&draft(), vec![], false, &bounds()).unwrap_err();
        assert_eq!(none, vec![(Field::Attachments, Problem::AttachmentCount)]);
        let twice = check_draft(&draft(), vec!["A".into(), "A".into()], false, &bounds()).unwrap_err();
        assert_eq!(twice, vec![(Field::Attachments, Problem::AttachmentCount)]);
        let six = (0..6).map(|i| i.to_string()).collect();
        assert_eq!(check_draft(&draft(), six, false, &bounds()).unwrap_err().len(), 1);
        let pending = check_draft(&draft(), vec![], true, &bounds()).unwrap_err();
        assert_eq!(pending, vec![(Field::Attachments, Problem::AttachmentsPending)]);
    }

    #[test]
    fn the_server_names_the_first_field() {
        let s = SubmitAcceptance { summary: "x".repeat(MAX_SUMMARY + 1), ..Default::default() };
        let v = first_violation(&check_submission(&s, &bounds())).unwrap();
        assert_eq!(v.parameter, "completion_date");
        assert!(serde_json::from_str::<SubmitAcceptance>(r#"{"completion_date":"x","extra":1}"#).is_err());
        assert_eq!(Field::from_wire("attachment_ids"), Some(Field::Attachments));
    }
}
