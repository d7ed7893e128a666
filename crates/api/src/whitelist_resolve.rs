//! Own contract: bulk resolve of account names / customer ids against the current whitelist
//! (docs/contracts/whitelist.md, "Resolve many keys"), and the paste box's per-line plan.

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

pub const RESOLVE_PATH: &str = "/v2/partners/coupon-whitelist/resolve";
/// Keys in one resolve call.
pub const MAX_RESOLVE_KEYS: usize = 1_000;
/// Longest key (customer ids and account names are at most 64 characters).
pub const MAX_KEY_CHARS: usize = 64;

pub mod status {
    /// On the current whitelist: the customer fields are filled in.
    pub const WHITELISTED: &str = "WHITELISTED";
    /// One of the caller's visible customers, not on the current whitelist.
    pub const NOT_WHITELISTED: &str = "NOT_WHITELISTED";
    /// No such customer, or not one the caller may see.
    pub const NOT_CUSTOMER: &str = "NOT_CUSTOMER";
}

/// `POST /v2/partners/coupon-whitelist/resolve` body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolveRequest {
    pub keys: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolveResponse {
    /// The whitelist version the keys were resolved against (0: none yet).
    pub version_no: u32,
    /// One per key, in the order of the request.
    pub results: Vec<Resolved>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Resolved {
    pub key: String,
    pub status: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer_id: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub account_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
}

/// What became of one pasted line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteOutcome {
    Found,
    NotWhitelisted,
    NotYours,
    /// The same customer was already chosen or named on an earlier line.
    Duplicate,
    /// Its lookup failed (network, server): nothing was added, check again.
    Failed,
}

/// A customer found on the whitelist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundCustomer {
    pub id: String,
    pub account: String,
    pub name: String,
}

/// Pasted text: the non-empty trimmed lines, and the distinct keys to send (case-insensitive,
/// first spelling kept; keys too long to name anyone are not sent).
pub fn paste_lines(text: &str) -> (Vec<String>, Vec<String>) {
    let lines: Vec<String> = text.lines().map(str::trim).filter(|l| !l.is_empty()).map(String::from).collect();
    let mut seen = HashSet::new();
    let keys =
        lines.iter().filter(|l| l.chars().count() <= MAX_KEY_CHARS && seen.insert(l.to_lowercase())).cloned().collect();
    (lines, keys)
}

/// Per-line outcomes from the resolve answers (`answers` by lowercased key; a key without an
/// answer failed), and the customers to add. `chosen` holds the ids already chosen.
pub fn paste_outcomes(
    lines: &[String],
    answers: &HashMap<String, Resolved>,
    chosen: &HashSet<String>,
) -> (Vec<(String, PasteOutcome)>, Vec<FoundCustomer>) {
    let mut out = Vec::with_capacity(lines.len());
    let mut found = Vec::new();
    let mut seen_lines = HashSet::new();
    let mut taken: HashSet<String> = chosen.clone();
    for line in lines {
        let key = line.to_lowercase();
        let outcome = if line.chars().count() > MAX_KEY_CHARS {
            PasteOutcome::NotYours
        } else if !seen_lines.insert(key.clone()) {
            PasteOutcome::Duplicate
        } else {
            match answers.get(&key) {
                None => PasteOutcome::Failed,
                Some(r) if r.status == status::WHITELISTED => {
                    let id = r.customer_id.clone().unwrap_or_default();
                    if taken.insert(id.clone()) {
                        found.push(FoundCustomer {
                            id,
                            account: r.account_name.clone().unwrap_or_default(),
                            name: r.customer.clone().unwrap_or_default(),
                        });
                        PasteOutcome::Found
                    } else {
                        PasteOutcome::Duplicate
                    }
                }
                Some(r) if r.status == status::NOT_WHITELISTED => PasteOutcome::NotWhitelisted,
                Some(_) => PasteOutcome::NotYours,
            }
        };
        out.push((line.clone(), outcome));
    }
    (out, found)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ans(key: &str, st: &str, id: Option<&str>) -> (String, Resolved) {
        let r = Resolved {
            key: key.into(),
            status: st.into(),
            customer_id: id.map(String::from),
            account_name: id.map(|i| format!("acc-{i}")),
            customer: id.map(|i| format!("Co {i}")),
        };
        (key.to_lowercase(), r)
    }

    #[test]
    fn lines_are_trimmed_and_keys_distinct_case_insensitively() {
        let long = "x".repeat(65);
        let (lines, keys) = paste_lines(&format!(" a \n\nB\nb\n{long}\nc"));
        assert_eq!(lines, vec!["a", "B", "b", long.as_str(), "c"]);
        assert_eq!(keys, vec!["a", "B", "c"]);
    }

    #[test]
    fn every_line_gets_an_outcome() {
        let lines: Vec<String> = ["alice", "ALICE", "c-1", "bob", "nobody", "dana", "gone", "x".repeat(65).as_str()]
            .map(String::from)
            .into();
        let answers: HashMap<_, _> = [
            ans("alice", status::WHITELISTED, Some("c-1")),
            // The id of the same customer as "alice": a duplicate, not added twice.
            ans("c-1", status::WHITELISTED, Some("c-1")),
            ans("bob", status::NOT_WHITELISTED, None),
            ans("nobody", status::NOT_CUSTOMER, None),
            ans("dana", status::WHITELISTED, Some("c-9")),
        ]
        .into();
        let chosen: HashSet<String> = ["c-9".to_string()].into();
        let (out, found) = paste_outcomes(&lines, &answers, &chosen);
        let kinds: Vec<PasteOutcome> = out.iter().map(|o| o.1).collect();
        use PasteOutcome::*;
        assert_eq!(kinds, vec![Found, Duplicate, Duplicate, NotWhitelisted, NotYours, Duplicate, Failed, NotYours]);
        assert_eq!(found, vec![FoundCustomer { id: "c-1".into(), account: "acc-c-1".into(), name: "Co c-1".into() }]);
    }
}
