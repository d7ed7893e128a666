//! Pagination (PARTNER_API.md §1.6): `offset` is a 0-based row offset, `limit` ≤ 100.

use crate::validate::Violation;
use serde::{Deserialize, Serialize};

pub const DEFAULT_LIMIT: u32 = 10;
pub const MAX_LIMIT: u32 = 100;
pub const MAX_OFFSET: u64 = 40_000_000;

/// Checked paging of one list call.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct PageRequest {
    pub offset: u64,
    pub limit: u32,
}

impl Default for PageRequest {
    fn default() -> Self {
        Self { offset: 0, limit: DEFAULT_LIMIT }
    }
}

impl PageRequest {
    /// Validates raw `offset`/`limit` as received (absent means default).
    pub fn from_raw(offset: Option<i64>, limit: Option<i64>) -> Result<Self, Violation> {
        let offset = offset.unwrap_or(0);
        if !(0..=MAX_OFFSET as i64).contains(&offset) {
            return Err(Violation::new("offset", format!("must be between 0 and {MAX_OFFSET}")));
        }
        let limit = limit.unwrap_or(DEFAULT_LIMIT as i64);
        if !(1..=MAX_LIMIT as i64).contains(&limit) {
            return Err(Violation::new("limit", format!("must be between 1 and {MAX_LIMIT}")));
        }
        Ok(Self { offset: offset as u64, limit: limit as u32 })
    }

    /// The slice of `total` rows this page covers.
    pub fn range(&self, total: usize) -> std::ops::Range<usize> {
        let start = (self.offset as usize).min(total);
        start..(start + self.limit as usize).min(total)
    }

    /// 1-based page number for a page size.
    pub fn page_number(&self) -> u64 {
        self.offset / self.limit as u64 + 1
    }
}

crate::query_params! {
    /// A query of only `offset` and `limit` (lists that page but do not filter).
    pub struct PageQuery {
        pub offset: Option<i64>,
        pub limit: Option<i64>,
    }
}

/// Number of pages needed for `total` rows.
pub fn page_count(total: u64, limit: u32) -> u64 {
    total.div_ceil(limit.max(1) as u64).max(1)
}

/// The page a typed page number goes to, clamped to `1..=pages` (`0`, `-3` → 1; `999` → the
/// last); `None` when it is not a whole number (the pager then keeps the current page).
pub fn typed_page(input: &str, pages: u64) -> Option<u64> {
    let s = input.trim();
    let (negative, digits) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let n = if negative { 0 } else { digits.parse::<u64>().unwrap_or(u64::MAX) };
    Some(n.clamp(1, pages.max(1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_pages_clamp_to_the_pages_there_are() {
        assert_eq!(typed_page("3", 25), Some(3));
        assert_eq!(typed_page(" 25 ", 25), Some(25));
        assert_eq!(typed_page("+2", 25), Some(2));
        assert_eq!(typed_page("0", 25), Some(1));
        assert_eq!(typed_page("-3", 25), Some(1));
        assert_eq!(typed_page("999", 25), Some(25));
        assert_eq!(typed_page("99999999999999999999999", 25), Some(25));
        assert_eq!(typed_page("4", 0), Some(1), "an empty list has one page");
        for bad in ["", " ", "abc", "2.5", "1e3", "3a", "-", "--1"] {
            assert_eq!(typed_page(bad, 25), None, "{bad:?}");
        }
    }

    #[test]
    fn bounds() {
        assert_eq!(PageRequest::from_raw(None, None).unwrap(), PageRequest { offset: 0, limit: 10 });
        assert_eq!(PageRequest::from_raw(Some(40_000_000), Some(100)).unwrap().limit, 100);
        assert_eq!(PageRequest::from_raw(None, Some(101)).unwrap_err().parameter, "limit");
        assert_eq!(PageRequest::from_raw(None, Some(0)).unwrap_err().parameter, "limit");
        assert_eq!(PageRequest::from_raw(Some(-1), None).unwrap_err().parameter, "offset");
        assert_eq!(PageRequest::from_raw(Some(40_000_001), None).unwrap_err().parameter, "offset");
    }

    #[test]
    fn ranges_and_pages() {
        let p = PageRequest { offset: 20, limit: 10 };
        assert_eq!(p.range(25), 20..25);
        assert_eq!(p.range(5), 5..5);
        assert_eq!(p.page_number(), 3);
        assert_eq!(page_count(0, 10), 1);
        assert_eq!(page_count(101, 50), 3);
    }
}
