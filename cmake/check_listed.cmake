# aci_cost_check_listed(<dir> <glob> <file>...): the source lists are explicit (a build never
# depends on what happens to lie in a folder), and this check fails the configure step when a
# file matching <glob> in <dir> is missing from the list, so that none is forgotten either.
function(aci_cost_check_listed dir pattern)
  file(GLOB found RELATIVE ${dir} ${dir}/${pattern})
  foreach(f IN LISTS found)
    if(NOT f IN_LIST ARGN)
      message(FATAL_ERROR "${dir}/${f} is not in the explicit source list of ${CMAKE_CURRENT_LIST_FILE}")
    endif()
  endforeach()
endfunction()
