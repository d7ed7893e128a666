//! The last column mapping chosen by hand, remembered for files with the same headers.

use partner_api::whitelist_file::Mapping;

/// localStorage key of the last column mapping chosen by hand, with the headers it was for
/// (a preference, nothing secret).
const MAPPING_KEY: &str = "pc.whitelist.mapping";

pub fn remembered_mapping(headers: &[String]) -> Option<Mapping> {
    let saved: (Vec<String>, Mapping) = serde_json::from_str(&crate::storage::local_get(MAPPING_KEY)?).ok()?;
    (saved.0 == headers).then_some(saved.1)
}

pub fn remember_mapping(headers: &[String], m: Mapping) {
    if let Ok(json) = serde_json::to_string(&(headers, m)) {
        crate::storage::local_set(MAPPING_KEY, &json);
    }
}
