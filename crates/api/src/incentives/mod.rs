//! B3 激励明细 and B4 季度付款申请 (docs/contracts/incentives.md): a service partner's monthly
//! incentives per reconciliation period (对账期次), their feedback threads, the bill
//! confirmation, and the quarterly payment application with its refusal rules.

pub mod bill;
pub mod calls;
pub mod feedback;
pub mod model;
pub mod payment;
pub mod period;

pub use crate::codes;
