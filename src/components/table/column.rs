//! What a page declares about a column: its header, its value (text, money, date, number), how
//! it sorts, whether it is masked (X6) or copyable, and its default width and visibility.
//!
//! ```ignore
//! Column::money("revenue", Msg::ColRevenue, |r| r.amount()).sort("expected_monthly_revenue").desc_first()
//! ```

use super::masked::Mask;
use crate::format;
use crate::i18n::{Locale, Msg};
use leptos::prelude::*;
use partner_api::csv;
use partner_api::sheet::Cell;
use partner_api::time::Instant;
use partner_api::Amount;
use std::cmp::Ordering;

/// A money accessor: the amount and its currency.
pub type MoneyOf<T> = for<'a> fn(&'a T) -> Option<(Amount, &'a str)>;

/// The value a column shows, exports, filters and (client-side) sorts by.
pub enum Value<T> {
    /// Text in the current language.
    Text(fn(&T, Locale) -> String),
    /// Right-aligned, with currency and two decimals.
    Money(MoneyOf<T>),
    /// An instant, shown in the user's time zone.
    DateTime(fn(&T) -> Option<Instant>),
    /// A plain number, right-aligned.
    Number(fn(&T) -> Option<f64>),
}

/// A client-side sort key of one row for one column.
#[derive(Debug, Clone, PartialEq, PartialOrd)]
pub enum SortVal {
    Text(String),
    Money(Amount),
    Time(i64),
    Number(f64),
    /// No value: sorts last in either direction.
    None,
}

impl SortVal {
    /// Ascending comparison; `None` values are handled by the caller.
    pub fn cmp_asc(&self, other: &SortVal) -> Ordering {
        match (self, other) {
            (SortVal::Text(a), SortVal::Text(b)) => a.cmp(b),
            (SortVal::Money(a), SortVal::Money(b)) => a.cmp(b),
            (SortVal::Time(a), SortVal::Time(b)) => a.cmp(b),
            (SortVal::Number(a), SortVal::Number(b)) => a.total_cmp(b),
            _ => Ordering::Equal,
        }
    }
}

pub struct Column<T> {
    pub id: &'static str,
    pub header: Msg,
    pub value: Value<T>,
    /// A view replacing the plain text (links, tags); export still uses the text.
    pub view: Option<fn(&T, Locale) -> AnyView>,
    /// The sort key (the API's `order_by` key for server sources); None = not sortable.
    pub sort_key: Option<&'static str>,
    /// Sorting starts descending (numbers, dates) rather than ascending (names).
    pub desc_first: bool,
    /// X6: shown masked or shortened until the eye button is pressed.
    pub mask: Option<Mask>,
    /// A copy button copies the full value.
    pub copy: bool,
    /// Default width in px (the person can resize).
    pub width: u32,
    pub hidden_by_default: bool,
}

impl<T> Column<T> {
    fn new(id: &'static str, header: Msg, value: Value<T>, width: u32) -> Self {
        Column {
            id,
            header,
            value,
            view: None,
            sort_key: None,
            desc_first: false,
            mask: None,
            copy: false,
            width,
            hidden_by_default: false,
        }
    }

    pub fn text(id: &'static str, header: Msg, text: fn(&T, Locale) -> String) -> Self {
        Self::new(id, header, Value::Text(text), 140)
    }

    pub fn money(id: &'static str, header: Msg, money: MoneyOf<T>) -> Self {
        Self::new(id, header, Value::Money(money), 160).desc_first()
    }

    pub fn date_time(id: &'static str, header: Msg, at: fn(&T) -> Option<Instant>) -> Self {
        Self::new(id, header, Value::DateTime(at), 150).desc_first()
    }

    pub fn number(id: &'static str, header: Msg, n: fn(&T) -> Option<f64>) -> Self {
        Self::new(id, header, Value::Number(n), 110).desc_first()
    }

    /// Sortable under this key (server: the `order_by` key; client: any unique name).
    pub fn sort(mut self, key: &'static str) -> Self {
        self.sort_key = Some(key);
        self
    }

    pub fn desc_first(mut self) -> Self {
        self.desc_first = true;
        self
    }

    pub fn view(mut self, view: fn(&T, Locale) -> AnyView) -> Self {
        self.view = Some(view);
        self
    }

    pub fn masked(mut self, mask: Mask) -> Self {
        self.mask = Some(mask);
        self
    }

    pub fn copyable(mut self) -> Self {
        self.copy = true;
        self
    }

    pub fn width(mut self, px: u32) -> Self {
        self.width = px;
        self
    }

    pub fn hidden(mut self) -> Self {
        self.hidden_by_default = true;
        self
    }

    /// Right-aligned tabular figures.
    pub fn numeric(&self) -> bool {
        matches!(self.value, Value::Money(_) | Value::Number(_))
    }

    /// The text shown, exported and copied (empty when there is no value).
    pub fn text_of(&self, row: &T, l: Locale) -> String {
        match &self.value {
            Value::Text(f) => f(row, l),
            Value::Money(f) => f(row).map(|(a, c)| format::money(&a, c)).unwrap_or_default(),
            Value::DateTime(f) => f(row).map(|t| format::date_time(&t)).unwrap_or_default(),
            Value::Number(f) => f(row).map(|n| n.to_string()).unwrap_or_default(),
        }
    }

    /// The text an export writes: personal data masked as on screen unless `full` (the
    /// person chose to include full values).
    pub fn export_text(&self, row: &T, l: Locale, full: bool) -> String {
        let text = self.text_of(row, l);
        match self.mask {
            Some(m) if !full && m.hides_personal_data() => super::masked::mask(m, &text),
            _ => text,
        }
    }

    /// The cell a spreadsheet export writes: amounts and numbers as numbers, instants as
    /// local dates (the reader's time zone), the rest as text (masked unless `full`).
    pub fn cell_of(&self, row: &T, l: Locale, full: bool) -> Cell {
        match &self.value {
            Value::Text(_) => Cell::Text(self.export_text(row, l, full)),
            Value::Money(f) => f(row).map_or(Cell::Text(String::new()), |(a, c)| Cell::Money(a, c.to_string())),
            Value::DateTime(f) => f(row).map_or(Cell::Text(String::new()), |t| {
                let zone = partner_api::time::offset(format::zone_offset_minutes(&t));
                Cell::DateTime(t.with_timezone(&zone).naive_local())
            }),
            Value::Number(f) => f(row).map_or(Cell::Text(String::new()), |n| Cell::Number(n.to_string())),
        }
    }

    /// Whether a CSV export writes this column as two: the amount and its currency.
    pub fn csv_money(&self) -> bool {
        matches!(self.value, Value::Money(_))
    }

    /// The values a CSV export writes for this column (`partner_api::csv`): an amount as a
    /// plain number followed by its currency, a number as a number, the rest as the text shown
    /// (personal data masked unless `full`).
    pub fn csv_of(&self, row: &T, l: Locale, full: bool, out: &mut Vec<csv::Value>) {
        match &self.value {
            Value::Money(f) => match f(row) {
                Some((a, c)) => out.extend([csv::Value::Number(csv::amount(a)), csv::Value::Text(c.to_string())]),
                None => out.extend([csv::Value::Text(String::new()), csv::Value::Text(String::new())]),
            },
            Value::Number(f) => out.push(csv::Value::Number(f(row).map(|n| n.to_string()).unwrap_or_default())),
            _ => out.push(csv::Value::Text(self.export_text(row, l, full))),
        }
    }

    pub fn sort_val(&self, row: &T, l: Locale) -> SortVal {
        match &self.value {
            Value::Text(f) => {
                let s = f(row, l);
                if s.is_empty() {
                    SortVal::None
                } else {
                    SortVal::Text(lowercase(s))
                }
            }
            Value::Money(f) => f(row).map_or(SortVal::None, |(a, _)| SortVal::Money(a)),
            Value::DateTime(f) => f(row).map_or(SortVal::None, |t| SortVal::Time(t.timestamp())),
            Value::Number(f) => f(row).map_or(SortVal::None, SortVal::Number),
        }
    }
}

/// A sort key's lower case, in place (no second allocation) unless a non-ASCII character
/// changes case.
fn lowercase(mut s: String) -> String {
    let same = |c: char| {
        let mut l = c.to_lowercase();
        l.next() == Some(c) && l.next().is_none()
    };
    if s.is_ascii() || s.chars().all(|c| c.is_ascii() || same(c)) {
        s.make_ascii_lowercase();
        s
    } else {
        s.to_lowercase()
    }
}
