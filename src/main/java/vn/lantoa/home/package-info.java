/**
 * Trang chủ: the page a user lands on — who they are, which unit they act for, where it stands in the tree, and what
 * their role lets them do. A module of its own because it looks at every other one, and none looks at it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Trang chủ")
package vn.lantoa.home;
