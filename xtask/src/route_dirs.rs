//! The directories a route can leave the document in, from the app's own path table
//! (src/routes/paths.rs, compiled here as is): the build writes a copy of the loader into each
//! (xtask/post-build.mjs reads them from `target/route-dirs.json`, written before trunk runs).

#[allow(dead_code)]
#[path = "../../src/routes/paths.rs"]
mod paths;

use crate::{root, Result};
use std::collections::BTreeSet;

/// All segments but the last of every path; a parameter before the last segment cannot be
/// served by a static host with loader copies, so it is an error.
pub fn route_dirs(paths: &[&str]) -> Result<Vec<String>> {
    let mut dirs = BTreeSet::new();
    for path in paths {
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        let Some((_, parents)) = segments.split_last() else { continue };
        for (i, seg) in parents.iter().enumerate() {
            if seg.starts_with(':') || seg.starts_with('*') {
                return Err(format!("route \"{path}\" has a parameter before its last segment (src/routes/paths.rs)"));
            }
            dirs.insert(parents[..=i].join("/"));
        }
    }
    Ok(dirs.into_iter().collect())
}

/// Writes `target/route-dirs.json` (a JSON array of directories) for the post-build hook.
pub fn write() -> Result {
    let dirs = route_dirs(paths::ALL)?;
    let json = format!("[{}]\n", dirs.iter().map(|d| format!("\"{d}\"")).collect::<Vec<_>>().join(", "));
    let target = root().join("target");
    std::fs::create_dir_all(&target).map_err(|e| format!("creating {}: {e}", target.display()))?;
    let file = target.join("route-dirs.json");
    std::fs::write(&file, json).map_err(|e| format!("writing {}: {e}", file.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_apps_routes_need_these_directories() {
        assert_eq!(
            route_dirs(paths::ALL).unwrap(),
            [
                "sales",
                "sales/balance-payment",
                "sales/customer-funds",
                "sales/customers",
                "sales/koogallery",
                "sales/orders",
                "sales/quotas",
                "sales/vouchers",
                "sales/whitelist",
                "benefits",
                "benefits/capability",
                "benefits/incentives",
                "delivery",
                "delivery/projects",
                "dev",
            ]
            .iter()
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_parameter_before_the_last_segment_fails_the_build() {
        let err = route_dirs(&["/sales/customers/:id/orders"]).unwrap_err();
        assert!(err.contains("/sales/customers/:id/orders"), "{err}");
        assert_eq!(route_dirs(&["/", "/signin", "/*any"]).unwrap(), Vec::<String>::new());
    }
}
