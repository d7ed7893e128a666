//! Pages, following the console's navigation. Pages are thin: they declare columns, filters
//! and actions; the shared components do the work.

pub mod benefits;
pub mod delivery;
pub mod dev;
pub mod home;
pub mod lazy;
pub mod not_found;
pub mod registry;
pub mod sales;
pub mod sign_in;
