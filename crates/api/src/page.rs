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

#[cfg(test)]
mod tests {
    use super::*;

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
