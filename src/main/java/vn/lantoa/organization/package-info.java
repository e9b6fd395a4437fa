/**
 * Tổ chức: the unit tree (Party committees and boards, People's Committees and their offices, the Front and mass
 * organizations, police, schools, residential groups, Party cells), with effective-dated names, codes and parents,
 * closing and merging, and subtree queries by materialised path. It knows nothing of plans or accounts: who may
 * change the tree is asked through {@link vn.lantoa.organization.UnitActor}, which the account module implements.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tổ chức")
package vn.lantoa.organization;
