enum DocketChecksPlaceholder {}
