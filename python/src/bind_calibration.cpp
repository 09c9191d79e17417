// Time equations learned from past jobs (least squares on Eigen's QR).
#include <pybind11/numpy.h>

#include "aci_cost/calibration/least_squares.hpp"
#include "record.hpp"

namespace aci::python {

void bind_calibration(py::module_& m) {
  using calibration::Fit;
  py::class_<Fit>(m, "Fit", "A time equation fitted on past jobs: coefficients, standard errors, R², predictions.")
      .def_readonly("drivers", &Fit::drivers, "the drivers, in column order")
      .def_readonly("coefficients", &Fit::coefficients, "constant first, then one per driver (h per unit)")
      .def_readonly("standard_errors", &Fit::standard_errors, "of each coefficient")
      .def_readonly("r2", &Fit::r2, "coefficient of determination")
      .def_readonly("adjusted_r2", &Fit::adjusted_r2, "R² adjusted for the number of coefficients")
      .def_readonly("sigma", &Fit::sigma, "residual standard error, h")
      .def_readonly("jobs", &Fit::jobs, "past jobs fitted")
      .def(
          "predict",
          [](const Fit& f, const std::vector<double>& x, double level) {
            const auto p = f.predict(x, level);
            return py::make_tuple(p.hours, p.lower, p.upper);
          },
          py::arg("drivers"), py::arg("level") = 0.95, "(hours, lower, upper) for one job's driver values.")
      .def("equation", &Fit::equation, py::arg("name"), py::arg("decimals") = py::none(),
           "The fit as an atelier's TimeEquation: full precision, or coefficients rounded to `decimals`.");
  m.def(
      "fit_time_equation",
      [](const std::vector<std::string>& drivers, py::array_t<double, py::array::c_style | py::array::forcecast> x,
         std::vector<double> hours) {
        if (x.ndim() != 2 || static_cast<std::size_t>(x.shape(1)) != drivers.size())
          throw InvalidInput("calibration.jobs", "an array of shape (" + std::to_string(x.shape(0)) + ", ...)",
                             "needs one column per driver (" + std::to_string(drivers.size()) + ")");
        std::vector<std::vector<double>> rows(static_cast<std::size_t>(x.shape(0)),
                                              std::vector<double>(drivers.size()));
        const auto r = x.unchecked<2>();
        for (py::ssize_t i = 0; i < x.shape(0); ++i)
          for (py::ssize_t k = 0; k < x.shape(1); ++k)
            rows[static_cast<std::size_t>(i)][static_cast<std::size_t>(k)] = r(i, k);
        return calibration::fit_time_equation(drivers, rows, hours);
      },
      py::arg("drivers"), py::arg("x"), py::arg("hours"),
      "Least squares of hours on the drivers (x: jobs x drivers); ValueError for too few jobs or collinear drivers.");
}

}  // namespace aci::python
