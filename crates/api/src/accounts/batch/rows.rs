//! The rows of a batch adjustment as people paste them (from a spreadsheet: tab-separated) or
//! upload them (CSV): `customer_id, amount[, direction]`, one row a line. Every line that cannot
//! be used is reported with its line number and why, before anything is sent; nothing is
//! guessed (a customer given twice is refused, not summed, so each customer is adjusted once).

use crate::customer_id::{normalise, to_half_width};
use crate::money::{parse_input_amount, Amount, AmountProblem};
use serde::{Deserialize, Serialize};

/// Most rows in one batch (inferred: no documented limit; one A1/A2 per row, sent one at a time).
pub const MAX_ROWS: usize = 500;

/// Which way the money goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// A1: partner cash → customer (拨款).
    Allocate,
    /// A2: customer → partner cash (回收).
    Reclaim,
}

impl Direction {
    /// The A3 `operation_type` its records carry.
    pub fn operation_type(self) -> &'static str {
        match self {
            Direction::Allocate => super::super::operation_type::ALLOCATE,
            Direction::Reclaim => super::super::operation_type::RECLAIM,
        }
    }

    /// A direction cell: `allocate`, `拨款`, `调拨`, `+`; `reclaim`, `回收`, `-` (any case).
    pub fn parse(cell: &str) -> Option<Direction> {
        match cell.trim().to_lowercase().as_str() {
            "allocate" | "拨款" | "调拨" | "+" => Some(Direction::Allocate),
            "reclaim" | "回收" | "-" => Some(Direction::Reclaim),
            _ => None,
        }
    }
}

/// One customer to adjust.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Row {
    /// Normalised (`customer_id::normalise`): trimmed, half-width, lower-case.
    pub customer_id: String,
    pub amount: Amount,
    pub direction: Direction,
}

/// Why a line is not a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowProblem {
    EmptyId,
    /// Longer than the contract's 64 characters.
    IdTooLong,
    MissingAmount,
    BadAmount(AmountProblem),
    /// A third cell that is neither direction.
    BadDirection,
    /// The customer is on an earlier line already (its 1-based number).
    Duplicate {
        first_line: usize,
    },
    /// Beyond [`MAX_ROWS`] usable rows.
    TooManyRows,
}

/// A refused line: its 1-based number, its text as pasted, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineProblem {
    pub line: usize,
    pub text: String,
    pub problem: RowProblem,
}

/// What a paste or a file gives.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Parsed {
    pub rows: Vec<Row>,
    /// The 1-based line of each row, in the same order.
    pub lines: Vec<usize>,
    pub problems: Vec<LineProblem>,
}

/// Splits a line at `sep`, honouring CSV double quotes (`"1,000.00"`, `""` for a quote).
fn split_quoted(line: &str, sep: char) -> Vec<String> {
    let (mut cells, mut cell, mut quoted) = (Vec::new(), String::new(), false);
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                cell.push('"');
                chars.next();
            }
            '"' => quoted = !quoted,
            c if c == sep && !quoted => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    cells.push(cell);
    cells.into_iter().map(|c| c.trim().to_string()).collect()
}

/// The cells of one line: tab (a spreadsheet paste), else comma, else semicolon, else spaces.
pub fn cells(line: &str) -> Vec<String> {
    let line = to_half_width(line);
    match ['\t', ',', ';'].into_iter().find(|&s| line.contains(s)) {
        Some(sep) => split_quoted(&line, sep),
        None => line.split_whitespace().map(String::from).collect(),
    }
}

/// An amount cell: thousands separators and a leading `¥` are allowed (what spreadsheets show).
fn amount_cell(cell: &str) -> Result<Amount, RowProblem> {
    let s: String = cell.trim_start_matches(['¥', '￥']).chars().filter(|&c| c != ',').collect();
    if s.trim().is_empty() {
        return Err(RowProblem::MissingAmount);
    }
    parse_input_amount(&s).map_err(RowProblem::BadAmount)
}

fn row(cells: &[String], default: Direction) -> Result<Row, RowProblem> {
    let id = normalise(cells.first().map(String::as_str).unwrap_or("")).into_owned();
    if id.is_empty() {
        return Err(RowProblem::EmptyId);
    }
    if id.chars().count() > super::super::MAX_ID_LEN {
        return Err(RowProblem::IdTooLong);
    }
    let amount = amount_cell(cells.get(1).map(String::as_str).unwrap_or(""))?;
    let direction = match cells.get(2).map(|c| c.trim()).filter(|c| !c.is_empty()) {
        None => default,
        Some(c) => Direction::parse(c).ok_or(RowProblem::BadDirection)?,
    };
    Ok(Row { customer_id: id, amount, direction })
}

/// A header line: the first line, whose amount cell has no digit (`客户ID,金额`).
fn is_header(cells: &[String]) -> bool {
    cells.get(1).is_some_and(|c| !c.chars().any(|c| c.is_ascii_digit()))
        && cells.first().is_some_and(|c| !c.chars().any(|c| c.is_ascii_digit()))
}

/// Reads pasted text or a CSV file's text; a row without a direction cell takes `default`.
/// Blank lines are skipped, and a header as the first line.
pub fn parse_rows(text: &str, default: Direction) -> Parsed {
    let mut out = Parsed::default();
    let mut seen = std::collections::HashMap::new();
    let mut first = true;
    for (i, raw) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = i + 1;
        if raw.trim().is_empty() {
            continue;
        }
        let cells = cells(raw);
        if std::mem::take(&mut first) && is_header(&cells) {
            continue;
        }
        let problem = match row(&cells, default) {
            Err(p) => Some(p),
            Ok(r) => match seen.get(&r.customer_id) {
                Some(&first_line) => Some(RowProblem::Duplicate { first_line }),
                None if out.rows.len() >= MAX_ROWS => Some(RowProblem::TooManyRows),
                None => {
                    seen.insert(r.customer_id.clone(), line);
                    out.rows.push(r);
                    out.lines.push(line);
                    None
                }
            },
        };
        if let Some(problem) = problem {
            out.problems.push(LineProblem { line, text: raw.to_string(), problem });
        }
    }
    out
}
