/**
 * Reading a plan's structure out of its text blocks, the way a person reads it: the numbering (I., 1., 1.1., a), -, +),
 * the headings (CĂN CỨ, NỘI DUNG, THỜI GIAN, HÌNH THỨC, TỔ CHỨC THỰC HIỆN), and the standard phrases of Vietnamese
 * administrative documents. Internal to the importer; the entry point is {@link vn.lantoa.importing.PlanParser}.
 * Everything here scans in linear time with precompiled, bounded patterns: the input may be hostile.
 */
package vn.lantoa.importing.structure;
