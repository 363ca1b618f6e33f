//! kravgen

pub mod docx;
