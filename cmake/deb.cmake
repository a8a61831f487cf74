# SPDX-License-Identifier: MIT
# The Debian package: `make package` configures a Release build for /usr with TRAIL_DEB=ON and
# runs `cpack -G DEB` in it. With TRAIL_DEB the install holds what Debian policy asks of a
# package and lintian checks: /usr/share/doc/trail/copyright (machine-readable, DEP-5, the
# licence text taken from LICENSE), changelog.gz (a native package: it is made from this tree
# by its authors, so its version has no Debian revision and its changelog is
# packaging/deb/changelog), the man page gzip'd, and the binary stripped of symbols and of the
# .comment and .note sections; the hardening flags are the top-level CMakeLists.txt's. The
# dependencies come from dpkg-shlibdeps (package dpkg-dev) when it is there, else they are the
# runtime libraries of Debian 12 named by hand.

set(TRAIL_MAINTAINER "trail maintainers <maintainers@trail.home.arpa>"
    CACHE STRING "Maintainer of the .deb (name <email>)")

if(TRAIL_DEB)
  find_program(TRAIL_GZIP gzip REQUIRED)
  set(deb_dir "${CMAKE_BINARY_DIR}/deb")
  file(MAKE_DIRECTORY "${deb_dir}")
  # gzip -n: no name or time stamp inside, so the same sources give the same package.
  foreach(pair "docs/trail.1:trail.1.gz" "packaging/deb/changelog:changelog.gz")
    string(REPLACE ":" ";" pair "${pair}")
    list(GET pair 0 src)
    list(GET pair 1 out)
    add_custom_command(OUTPUT "${deb_dir}/${out}"
      COMMAND ${TRAIL_GZIP} -9nc "${CMAKE_SOURCE_DIR}/${src}" > "${deb_dir}/${out}"
      DEPENDS "${CMAKE_SOURCE_DIR}/${src}" VERBATIM)
    list(APPEND deb_outputs "${deb_dir}/${out}")
  endforeach()
  add_custom_target(trail_deb_files ALL DEPENDS ${deb_outputs})
  install(FILES "${deb_dir}/trail.1.gz" DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
  # copyright: DEP-5, with the licence text taken from LICENSE (one copy of it in the tree).
  file(READ "${CMAKE_SOURCE_DIR}/LICENSE" licence)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${CMAKE_SOURCE_DIR}/LICENSE"
               "${CMAKE_SOURCE_DIR}/packaging/deb/copyright.in")
  string(REGEX MATCH "Copyright \\(c\\) [^\n]*" holder "${licence}")
  string(REGEX REPLACE "^Copyright \\(c\\) " "" holder "${holder}")
  string(REGEX REPLACE "^.*\n(Permission is hereby granted)" "\\1" body "${licence}")
  string(STRIP "${body}" body)
  string(REGEX REPLACE "\n\n" "\n.\n" body "${body}")
  string(REGEX REPLACE "\n" "\n " body " ${body}")
  configure_file(packaging/deb/copyright.in "${deb_dir}/copyright" @ONLY)
  install(FILES "${deb_dir}/changelog.gz" "${deb_dir}/copyright"
          DESTINATION ${CMAKE_INSTALL_DOCDIR})
  # CPack's own stripping (strip -g) keeps .comment and .note; this one takes them off.
  find_program(TRAIL_STRIP NAMES strip REQUIRED)
  install(CODE "execute_process(COMMAND \"${TRAIL_STRIP}\" --strip-unneeded
                  --remove-section=.comment --remove-section=.note
                  \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/trail\"
                  COMMAND_ERROR_IS_FATAL ANY)")
endif()

set(CPACK_PACKAGE_NAME trail)
set(CPACK_PACKAGE_VENDOR "trail")
set(CPACK_PACKAGE_CONTACT "${TRAIL_MAINTAINER}")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${TRAIL_MAINTAINER}")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "terminal browser for career guides, with progress tracking")
# The long description, one paragraph, wrapped as Debian's control files want it.
set(CPACK_PACKAGE_DESCRIPTION [[trail is a full-screen terminal browser for career guides written in YAML:
an overview, a career path whose key actions you tick off as you finish them,
certifications and a searchable FAQ. Progress is kept in a plain YAML file in
your home directory. It ships the Machine Learning Engineer guide.]])
set(CPACK_GENERATOR DEB)
set(CPACK_STRIP_FILES OFF)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
find_program(TRAIL_DPKG_SHLIBDEPS dpkg-shlibdeps)
# libgit2 (evidence, src/model/evidence_git.c) and md4c (Markdown plans, src/model/guide_md.c)
# are loaded with dlopen() when needed, so dpkg-shlibdeps cannot see them: their packages, the
# libgit2 one named after the soname trail opens, are added here (CPack appends what
# dpkg-shlibdeps finds).
string(REGEX MATCH "^[0-9]+\\.[0-9]+" TRAIL_GIT2_SOVERSION "${LIBGIT2_VERSION}")
set(TRAIL_GIT2_PACKAGE "libgit2-${TRAIL_GIT2_SOVERSION}")
if(TRAIL_DPKG_SHLIBDEPS)
  set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "${TRAIL_GIT2_PACKAGE}, libmd4c0")
elseif(TRAIL_LINKED_STATIC)
  set(CPACK_DEBIAN_PACKAGE_DEPENDS "libc6, ${TRAIL_GIT2_PACKAGE}, libmd4c0")
else()
  set(CPACK_DEBIAN_PACKAGE_DEPENDS
      "libc6, libncursesw6, libtinfo6, libyaml-0-2, ${TRAIL_GIT2_PACKAGE}, libmd4c0")
endif()
set(CPACK_SOURCE_GENERATOR TGZ)
# Written into CPackSourceConfig.cmake inside quotes: each backslash twice.
set(CPACK_SOURCE_IGNORE_FILES "/\\\\.git/" "/build[^/]*/" "/\\\\.cache/")
include(CPack)
