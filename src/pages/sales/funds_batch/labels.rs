//! Words for a batch's rows: why a line or a row is left out, which way a row goes, and what
//! became of it once sent.

use crate::i18n::{error_text, FbDuplicate, FbOverBalance, Locale, Msg};
use partner_api::accounts::batch::{Direction, ItemState, RowProblem, RowRefusal};

pub fn direction_text(d: Direction, l: Locale) -> &'static str {
    match d {
        Direction::Allocate => Msg::FdAllocate.text(l),
        Direction::Reclaim => Msg::Reclaim.text(l),
    }
}

pub fn line_problem_text(p: &RowProblem, l: Locale) -> String {
    match p {
        RowProblem::EmptyId => Msg::FbEmptyId.text(l).into(),
        RowProblem::IdTooLong => Msg::FbIdTooLong.text(l).into(),
        RowProblem::MissingAmount => Msg::FbMissingAmount.text(l).into(),
        RowProblem::BadAmount(_) => Msg::FdAmountInvalid.text(l).into(),
        RowProblem::BadDirection => Msg::FbBadDirection.text(l).into(),
        RowProblem::Duplicate { first_line } => FbDuplicate { line: first_line }.text(l),
        RowProblem::TooManyRows => Msg::FbTooMany.text(l).into(),
    }
}

/// A problem's test id (`data-problem`).
pub fn line_problem_id(p: &RowProblem) -> &'static str {
    match p {
        RowProblem::EmptyId => "empty-id",
        RowProblem::IdTooLong => "id-too-long",
        RowProblem::MissingAmount => "missing-amount",
        RowProblem::BadAmount(_) => "bad-amount",
        RowProblem::BadDirection => "bad-direction",
        RowProblem::Duplicate { .. } => "duplicate",
        RowProblem::TooManyRows => "too-many",
    }
}

pub fn refusal_text(r: &RowRefusal, currency: &str, l: Locale) -> String {
    match r {
        RowRefusal::NoFundedAccount => Msg::FbNoAccount.text(l).into(),
        RowRefusal::OverBalance { balance } => {
            FbOverBalance { balance: &crate::format::money(balance, currency) }.text(l)
        }
    }
}

pub fn refusal_id(r: &RowRefusal) -> &'static str {
    match r {
        RowRefusal::NoFundedAccount => "no-account",
        RowRefusal::OverBalance { .. } => "over-balance",
    }
}

/// A sent row's state: its test id and label.
pub fn state_label(s: &ItemState) -> (&'static str, Msg) {
    match s {
        ItemState::Pending => ("pending", Msg::FbStatePending),
        ItemState::Sending => ("sending", Msg::FbStateSending),
        ItemState::Done { .. } => ("done", Msg::FbStateDone),
        ItemState::Failed { .. } => ("failed", Msg::Failed),
        ItemState::Unknown { .. } => ("unknown", Msg::FbStateUnknown),
    }
}

/// What a sent row's detail cell says: the transaction id, or why it failed (the code's text
/// in the person's language, else the server's message, and the code).
pub fn state_detail(s: &ItemState, l: Locale) -> String {
    match s {
        ItemState::Done { trans_id } => trans_id.clone(),
        ItemState::Failed { code, message } => {
            let text = error_text(code, l).map(str::to_string).unwrap_or_else(|| message.clone());
            format!("{text} ({code})")
        }
        _ => String::new(),
    }
}
