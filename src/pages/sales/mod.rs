pub mod customer_detail;
mod customer_filters;
pub mod customers;
