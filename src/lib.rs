//! kravgen
