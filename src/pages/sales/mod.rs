pub mod customer_detail;
mod customer_filters;
pub mod customers;
pub mod order_detail;
mod order_filters;
pub mod orders;
pub mod whitelist;
pub mod whitelist_import;
