//! Development pages, reachable by URL only (not in the navigation).

pub mod table_demo;
